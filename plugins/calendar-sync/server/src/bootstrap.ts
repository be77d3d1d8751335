import type { Core } from '@strapi/strapi';
import { renderDisconnectedEmail, type DisconnectedEmailData } from './domain/emails';
import { PERMISSION_ACTIONS } from './permissions';
import { pluginApi } from '@magnetiq/plugin-kit/server';
import type { EmailKit, LeadsApi } from '@magnetiq/plugin-leads/contract';
import type { Delivery } from './services/events';
import { DISCONNECTED_EMAIL_LOCALES, DISCONNECTED_TEMPLATE, getConfig, getService, TOPIC } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  const config = getConfig(strapi);
  const outbox = pluginApi<LeadsApi>(strapi, 'leads').outbox;
  const events = getService(strapi, 'events');
  const options = { maxAttempts: config.maxAttempts };
  outbox.registerHandler(TOPIC.createEvent, (message: Delivery) => events.create(message), options);
  outbox.registerHandler(TOPIC.patchEvent, (message: Delivery) => events.patch(message), options);
  outbox.registerHandler(TOPIC.deleteEvent, (message: Delivery) => events.remove(message), options);
  // a host whose grant Google refused is told once (services/connections.ts)
  pluginApi<LeadsApi>(strapi, 'leads').email.registerTemplate(
    DISCONNECTED_TEMPLATE,
    (_locale: string, data: DisconnectedEmailData, kit: EmailKit) => renderDisconnectedEmail(data, kit),
    DISCONNECTED_EMAIL_LOCALES,
  );
  if (config.oauth.clientId && !config.oauth.redirectUri)
    strapi.log.warn('calendar-sync: GOOGLE_OAUTH_REDIRECT_URI is empty: hosts cannot use "Connect Google Calendar"');
  // refresh tokens at rest: plain ones from before encryption, and ones under the previous key, get the current key
  const rewritten = await getService(strapi, 'connections').encryptStoredTokens();
  if (rewritten > 0)
    strapi.log.info(
      `calendar-sync: encrypted ${rewritten} stored refresh token(s) with the current CALENDAR_TOKEN_KEY`,
    );
  if (!getService(strapi, 'google').configured())
    strapi.log.info(
      'calendar-sync: no Google credentials configured; busy times are empty and calendar events wait in the outbox',
    );

  if (config.refreshCron) {
    strapi.cron.add({
      calendarBusyRefresh: {
        task: async () => {
          await getService(strapi, 'busy').refreshRecent();
        },
        options: { rule: config.refreshCron },
      },
    });
  }
};
