import { ownPlugin } from '@magnetiq/plugin-kit/server';
import type services from '../services';

export const PLUGIN_ID = 'analytics';

export interface AnalyticsConfig {
  /** how long one filter's dashboard answer is reused (ANALYTICS_CACHE_SECONDS); 0 = never */
  cacheSeconds: number;
}

export const { getService, getConfig } = ownPlugin<typeof services, AnalyticsConfig>(PLUGIN_ID);
