import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS } from './permissions';
import { getConfig, getService, leads, TOPIC } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  leads(strapi).outbox.registerHandler(TOPIC, (message: { payload: any }) => getService(strapi, 'sync').handle(message), {
    maxAttempts: getConfig(strapi).maxAttempts,
  });
  if (!getService(strapi, 'client').isConfigured()) {
    strapi.log.info('odoo-sync: Odoo is not configured; lead events wait in the outbox until it is');
  }
};
