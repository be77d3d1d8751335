import controllers from './controllers';
import routes from './routes';

export default {
  register() {},
  bootstrap() {},
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes: {},
  controllers,
  services: {},
  routes,
  policies: {},
  middlewares: {},
};
