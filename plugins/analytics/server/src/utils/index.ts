import type { Core } from '@strapi/strapi';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

export const PLUGIN_ID = 'analytics';

export function getService<N extends ServiceName>(strapi: Core.Strapi, name: N): ReturnType<Services[N]> {
  return strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[N]>;
}

export interface AnalyticsConfig {
  /** how long one filter's dashboard answer is reused (ANALYTICS_CACHE_SECONDS); 0 = never */
  cacheSeconds: number;
}

export function getConfig(strapi: Core.Strapi): AnalyticsConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as AnalyticsConfig;
}
