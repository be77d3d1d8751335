import bootstrap from './bootstrap';
import config from './config';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import { pluginServer } from '@magnetiq/plugin-kit/server';

export default pluginServer({ bootstrap, config, controllers, services, routes });
