export default {
  register() {},
  bootstrap() {},
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes: {},
  controllers: {},
  services: {},
  routes: {},
  policies: {},
  middlewares: {},
};
