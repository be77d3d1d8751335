import { isYupSchema, yupToJsonSchema, type JsonSchema } from './yup-to-json-schema';

/**
 * What a plugin says about one route handler, in its `server/src/routes/openapi.ts` map. Request
 * schemas are the yup schemas the route validates with (or a function of `strapi` that builds
 * them, for a schema composed at run time); `data` and `meta` describe the `{ data, meta }`
 * answer in JSON Schema (checked against every answer of the integration suite). A query given
 * as plain JSON Schema is for a route whose query is checked by hand.
 */
export interface OperationDocs {
  summary: string;
  description?: string;
  query?: unknown;
  params?: Record<string, JsonSchema>;
  body?: unknown;
  /** request media types; default application/json */
  bodyTypes?: string[];
  /** success status; default 200 */
  status?: number;
  data?: JsonSchema;
  meta?: JsonSchema;
  /** a success answer that is not JSON (CSV, ICS, PDF, HTML) */
  produces?: string;
  /** success is a redirect to the site (browsers); JSON clients get `data` */
  redirect?: boolean;
  /** error answers may also be an HTML page (links opened in a browser) */
  htmlErrors?: boolean;
  deprecated?: boolean;
}

export interface RouteLike {
  method: string;
  path: string;
  handler: unknown;
  config?: { auth?: unknown; policies?: unknown[] };
}

export interface RouterInput {
  plugin: string;
  type: 'admin' | 'content-api';
  routes: RouteLike[];
  docs: Record<string, OperationDocs>;
}

export interface BuildOptions {
  /** what a `body`/`query` function is called with (the running Strapi) */
  context?: unknown;
  version?: string;
  apiPrefix?: string;
}

type Operation = Record<string, unknown>;

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    "Strapi's error answer. A ValidationError lists field errors in details.errors, each with a stable code (docs/api.md).",
  required: ['data', 'error'],
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message'],
      properties: {
        status: { type: 'integer', minimum: 400, maximum: 599 },
        name: { type: 'string', examples: ['ValidationError', 'NotFoundError', 'RateLimitError'] },
        message: { type: 'string' },
        details: {
          type: 'object',
          properties: {
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'message'],
                properties: {
                  path: { type: 'array', items: { type: ['string', 'integer'] } },
                  message: { type: 'string' },
                  name: { type: 'string' },
                  value: {},
                  code: {
                    type: 'string',
                    description: 'stable per rule: required, too_long, invalid_format, unknown_field, ...',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** `/hosts/:documentId/schedule` → `/hosts/{documentId}/schedule` and its parameter names. */
export function openApiPath(path: string) {
  const names: string[] = [];
  const converted = path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    names.push(name);
    return `{${name}}`;
  });
  return { path: converted, names };
}

const resolveSchema = (schema: unknown, context: unknown): JsonSchema | undefined => {
  const value = typeof schema === 'function' ? (schema as (context: unknown) => unknown)(context) : schema;
  if (value === undefined || value === null) return undefined;
  return isYupSchema(value) ? yupToJsonSchema(value) : (value as JsonSchema);
};

const queryParameters = (schema: JsonSchema | undefined) => {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const { deprecated, ...rest } = property;
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(deprecated ? { deprecated: true } : {}),
      schema: rest,
    };
  });
};

const json = (schema: unknown) => ({ 'application/json': { schema } });

function operationFor(router: RouterInput, route: RouteLike, options: BuildOptions): Operation {
  const handler = String(route.handler);
  // a route without its entry still appears (generic answer), marked so that the tests fail on it
  const described = router.docs[handler];
  const docs: OperationDocs = described ?? { summary: `${handler} (no entry in the plugin's routes/openapi.ts)` };
  const { names } = openApiPath(route.path);
  const query = resolveSchema(docs.query, options.context);
  const body = resolveSchema(docs.body, options.context);
  const status = String(docs.status ?? 200);

  const success: Record<string, unknown> = { description: docs.summary };
  if (docs.produces) {
    success.content = { [docs.produces]: { schema: { type: 'string' } } };
  } else {
    const envelope: JsonSchema = {
      type: 'object',
      required: ['data'],
      properties: { data: docs.data ?? {}, meta: docs.meta ?? { type: 'object' } },
    };
    success.content = json(envelope);
  }
  const responses: Record<string, unknown> = { [status]: success };
  if (docs.redirect)
    responses['302'] = { description: 'A browser is sent to the page of the site that handles this link' };
  responses.default = docs.htmlErrors
    ? {
        description: 'Error',
        content: { ...json({ $ref: '#/components/schemas/Error' }), 'text/html': { schema: { type: 'string' } } },
      }
    : { $ref: '#/components/responses/Error' };

  const operation: Operation = {
    operationId: `${router.plugin}.${handler}`,
    summary: docs.summary,
    ...(docs.description ? { description: docs.description } : {}),
    tags: [router.type === 'admin' ? `${router.plugin} (admin)` : router.plugin],
    ...(docs.deprecated ? { deprecated: true } : {}),
    ...(described ? {} : { 'x-undocumented': true }),
    // a content-API route without `auth: false` takes an API token (the preview's draft reads)
    security: router.type === 'admin' ? [{ adminJwt: [] }] : route.config?.auth === false ? [] : [{ apiToken: [] }],
    parameters: [
      ...names.map((name) => ({ name, in: 'path', required: true, schema: docs.params?.[name] ?? { type: 'string' } })),
      ...queryParameters(query),
    ],
    responses,
  };
  if (body) {
    const types = docs.bodyTypes ?? ['application/json'];
    operation.requestBody = {
      required: true,
      content: Object.fromEntries(types.map((type) => [type, { schema: body }])),
    };
  }
  return operation;
}

/** The OpenAPI 3.1 document of the given routers. */
export function buildDocument(routers: RouterInput[], options: BuildOptions = {}) {
  const apiPrefix = options.apiPrefix ?? '/api';
  const paths: Record<string, Record<string, Operation>> = {};
  for (const router of routers) {
    for (const route of router.routes) {
      const base = router.type === 'content-api' ? `${apiPrefix}/${router.plugin}` : `/${router.plugin}`;
      const { path } = openApiPath(`${base}${route.path}`);
      const method = route.method.toLowerCase();
      paths[path] ??= {};
      if (paths[path][method]) throw new Error(`openapi: two routes answer ${route.method} ${path}`);
      paths[path][method] = operationFor(router, route, options);
    }
  }
  const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Magnetiq API',
      version: options.version ?? '0.0.0',
      description:
        'The public (content API, under /api) and admin routes of the Magnetiq plugins, generated from the validation schemas the routes use. The API style (locale, timeZone, ISO 8601 instants, error codes, deprecation) is described in docs/api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      ...new Set(
        Object.values(sorted).flatMap((operations) =>
          Object.values(operations).flatMap((operation) => operation.tags as string[]),
        ),
      ),
    ]
      .sort()
      .map((name) => ({ name })),
    paths: sorted,
    components: {
      schemas: {
        Error: ERROR_SCHEMA,
        // an image in a public answer (covers, photos): plugins refer to it as #/components/schemas/Media
        Media: {
          type: 'object',
          required: ['url'],
          additionalProperties: false,
          properties: {
            url: { type: 'string' },
            alternativeText: { type: ['string', 'null'] },
            width: { type: ['integer', 'null'] },
            height: { type: ['integer', 'null'] },
          },
        },
        // the fields every published, localized entry of a public answer has (webinars, whitepapers):
        // a plugin's schema takes it with allOf and closes itself with unevaluatedProperties: false
        LocalizedEntry: {
          type: 'object',
          required: ['documentId', 'locale', 'title', 'slug'],
          properties: {
            documentId: { type: 'string' },
            locale: { type: 'string' },
            title: { type: 'string' },
            slug: { type: 'string' },
            summary: { type: ['string', 'null'] },
            seo: {
              type: 'object',
              properties: { title: { type: 'string' }, description: { type: ['string', 'null'] } },
            },
            publishedAt: { type: ['string', 'null'], format: 'date-time' },
          },
        },
      },
      responses: {
        Error: { description: "Strapi's error answer", content: json({ $ref: '#/components/schemas/Error' }) },
      },
      securitySchemes: {
        adminJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The token of an admin session (POST /admin/login)',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A content-API token (Settings → API Tokens); the preview server reads drafts with a read-only one',
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

/** Operations whose handler has no entry in its plugin's map (the tests require none). */
export const undocumentedOperations = (document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation['x-undocumented'])
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
