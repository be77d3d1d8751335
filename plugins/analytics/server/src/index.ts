import { pluginServer } from '@magnetiq/plugin-kit/server';
import bootstrap from './bootstrap';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default pluginServer({
  bootstrap,
  config: {
    default: { cacheSeconds: 60 },
    validator(config: { cacheSeconds: number }) {
      if (!(config.cacheSeconds >= 0))
        throw new Error('analytics: cacheSeconds (ANALYTICS_CACHE_SECONDS) must be 0 or more');
    },
  },
  controllers,
  services,
  routes,
});
