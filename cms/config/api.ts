export default ({ env }: { env: any }) => ({
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
  },
  // the OpenAPI document and its reference page at /api/docs (cms/src/openapi): off in
  // production unless API_DOCS=true, on in development and tests
  docs: {
    enabled: env.bool('API_DOCS', env('NODE_ENV', 'development') !== 'production'),
  },
});
