import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import { pluginServer } from '@magnetiq/plugin-kit/server';

export type { BusyResult } from './services/busy';
export type { EventMessage } from './services/events';

export default pluginServer({ bootstrap, config, contentTypes, controllers, services, routes });
