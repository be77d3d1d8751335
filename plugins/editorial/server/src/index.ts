import bootstrap from './bootstrap';
import config from './config';
import controllers from './controllers';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';
import { pluginServer } from '@magnetiq/plugin-kit/server';

export default pluginServer({ register, bootstrap, destroy, config, controllers, services, routes });
