import bootstrap from './bootstrap';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default {
  register() {},
  bootstrap,
  destroy() {},
  config: { default: {}, validator() {} },
  contentTypes: {},
  controllers,
  services,
  routes,
  policies: {},
  middlewares: {},
};
