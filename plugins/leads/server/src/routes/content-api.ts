export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/status',
      handler: 'status.index',
      config: { auth: false, policies: [] },
    },
  ],
};
