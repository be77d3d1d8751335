import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export type { BusyResult } from './services/busy';
export type { EventMessage } from './services/events';

export default {
  register() {},
  bootstrap,
  destroy() {},
  config,
  contentTypes,
  controllers,
  services,
  routes,
  policies: {},
  middlewares: {},
};
