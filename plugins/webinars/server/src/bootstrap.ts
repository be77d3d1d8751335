import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS } from './permissions';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  // the reminder job; several instances may run it (sessions are claimed with SKIP LOCKED)
  strapi.server.httpServer.once('listening', () => getService(strapi, 'reminders').start());
};
