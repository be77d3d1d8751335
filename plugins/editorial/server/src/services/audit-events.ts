import type { Core } from '@strapi/strapi';
import { currentActor, leads } from '../utils';

/**
 * Admin actions outside the Document Service, written to the leads core's append-only audit log
 * from Strapi's own events: admin logins and failed logins, admin users, roles and permissions,
 * media files. Content writes are audited by the Document Service middleware (services/middleware.ts).
 */
const EVENTS: Record<string, string> = {
  'admin.auth.success': 'admin.login',
  'admin.auth.error': 'admin.login-failed',
  'admin.logout': 'admin.logout',
  'user.create': 'admin.user-create',
  'user.update': 'admin.user-update',
  'user.delete': 'admin.user-delete',
  'role.create': 'admin.role-create',
  'role.update': 'admin.role-update',
  'role.delete': 'admin.role-delete',
  'media.create': 'media.upload',
  'media.update': 'media.update',
  'media.delete': 'media.delete',
};

type Payload = {
  user?: { id?: number; email?: string };
  role?: { id?: number; code?: string };
  media?: { id?: number; name?: string; mime?: string };
  provider?: string;
};

const emailAttempted = (strapi: Core.Strapi): string | null => {
  const ctx = strapi.requestContext.get() as { request?: { body?: { email?: unknown } } } | undefined;
  const email = ctx?.request?.body?.email;
  return typeof email === 'string' ? email.slice(0, 254).toLowerCase() : null;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  subscribe() {
    const hub = strapi.eventHub as unknown as { on(event: string, listener: (payload: Payload) => unknown): void };
    for (const [event, action] of Object.entries(EVENTS)) {
      hub.on(event, async (payload: Payload = {}) => {
        try {
          const actor = currentActor(strapi);
          let who: { id?: number; email?: string } | undefined =
            actor.id !== null ? { id: actor.id, email: actor.email ?? undefined } : undefined;
          let subject: { type: string; id: string | number } = { type: 'admin', id: '-' };
          const details: Record<string, unknown> = {};
          if (event === 'admin.auth.success' && payload.user?.id) {
            who = { id: payload.user.id, email: payload.user.email };
            subject = { type: 'admin::user', id: payload.user.id };
          } else if (event === 'admin.auth.error') {
            // no user is known: the address that was tried, to see an attack on an account
            who = { id: undefined, email: undefined };
            subject = { type: 'admin::user', id: emailAttempted(strapi) ?? '-' };
            details.provider = payload.provider ?? null;
          } else if (payload.user?.id) subject = { type: 'admin::user', id: payload.user.id };
          else if (payload.role?.id) subject = { type: 'admin::role', id: payload.role.id };
          else if (payload.media?.id) {
            subject = { type: 'plugin::upload.file', id: payload.media.id };
            details.name = payload.media.name ?? null;
            details.mime = payload.media.mime ?? null;
          }
          await leads(strapi).audit.adminRead(who, action, subject, details);
        } catch (error) {
          strapi.log.warn(`editorial: could not audit ${event}: ${(error as Error).message}`);
        }
      });
    }
  },
});
