import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { acceptPublicForm, type RequestContext, SLUG_PATTERN } from '@magnetiq/plugin-kit/server';
import { cancelPage } from '../domain/pages';
import { formatSessionTime } from '../domain/reminders';
import { registrationValidator } from '../validation/registration';
import { asLocale, DOCUMENT_ID, getConfig, getService, leads, type Locale } from '../utils';

const sendIcs = (ctx: RequestContext, ics: string, fileName: string) => {
  ctx.status = 200;
  ctx.set('Content-Type', 'text/calendar; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
  ctx.body = ics;
};

const noStore = (ctx: RequestContext) => {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let validateRegistration: ReturnType<typeof registrationValidator> | null = null;
  /** one of the configured locales (the default when missing), else a 400 */
  const localeOf = (ctx: RequestContext): Promise<Locale> => leads(strapi).locales.resolve(ctx.query?.locale);
  const backUrl = (locale: Locale) => `${getConfig(strapi).siteUrl.replace(/\/$/, '')}/${locale}/`;

  return {
    /** GET /api/webinars/webinars?locale=en&when=upcoming|past */
    async list(ctx: RequestContext) {
      const when = ctx.query?.when ?? 'upcoming';
      if (when !== 'upcoming' && when !== 'past') throw new errors.ValidationError('when must be upcoming or past');
      ctx.body = { data: await getService(strapi, 'webinars').list(await localeOf(ctx), when), meta: {} };
    },

    /** GET /api/webinars/webinars/:slug?locale=en */
    async detail(ctx: RequestContext) {
      const slug = ctx.params.slug;
      if (typeof slug !== 'string' || slug.length > 200 || !SLUG_PATTERN.test(slug))
        throw new errors.NotFoundError('Webinar not found');
      const webinar = await getService(strapi, 'webinars').bySlug(slug, await localeOf(ctx));
      if (!webinar) throw new errors.NotFoundError('Webinar not found');
      ctx.body = { data: webinar, meta: {} };
    },

    /** GET /api/webinars/sessions/:documentId/ics: the public calendar file (no join link). */
    async sessionIcs(ctx: RequestContext) {
      const documentId = ctx.params.documentId;
      if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId))
        throw new errors.NotFoundError('Session not found');
      const session = await getService(strapi, 'sessions').byDocumentId(documentId);
      const webinar = await getService(strapi, 'webinars').published(session.webinar, await localeOf(ctx));
      if (!webinar) throw new errors.NotFoundError('Session not found');
      const notifications = getService(strapi, 'notifications');
      sendIcs(
        ctx,
        notifications.icsFor(session, webinar, null, session.status === 'cancelled' ? 'CANCEL' : 'PUBLISH'),
        `${webinar.slug || 'webinar'}.ics`,
      );
    },

    /** POST /api/webinars/registrations: the registration form. */
    async register(ctx: RequestContext) {
      validateRegistration ??= registrationValidator(strapi);
      const { input, honeypot } = await acceptPublicForm(ctx, {
        name: 'webinar',
        rateLimit: leads(strapi).rateLimit.checkRequest,
        validate: validateRegistration,
      });
      input.locale = await leads(strapi).locales.resolve(input.locale);

      // The same answer for a new email, a known one, a repeated registration and a bot caught
      // by the honeypot: whether someone is registered is told by email only.
      if (honeypot) {
        strapi.log.info('webinars: honeypot filled, registration dropped');
      } else {
        await getService(strapi, 'registrations').register(input, {
          ip: ctx.request.ip,
          userAgent: ctx.get('User-Agent'),
        });
      }
      ctx.status = 201;
      ctx.body = { data: { received: true } };
    },

    /** GET /api/webinars/registrations/cancel?token=: the link in the emails; asks before it cancels. */
    async cancelPage(ctx: RequestContext) {
      noStore(ctx);
      const token = ctx.query?.token;
      const found = await getService(strapi, 'registrations').byToken(token);
      ctx.type = 'text/html; charset=utf-8';
      if (!found) {
        ctx.status = 404;
        const fallback = await leads(strapi).locales.defaultLocale();
        ctx.body = cancelPage('invalid', { locale: fallback, backUrl: backUrl(fallback) });
        return;
      }
      const locale = asLocale(found.registration.locale);
      const webinar = await getService(strapi, 'notifications').webinarFor(found.session, locale);
      const open =
        ['registered', 'waitlisted'].includes(found.registration.status) &&
        found.session.status === 'scheduled' &&
        new Date(found.session.starts_at).getTime() > Date.now();
      ctx.status = 200;
      ctx.body = cancelPage(open ? 'confirm' : 'closed', {
        locale,
        webinarTitle: webinar.title,
        when: formatSessionTime(
          new Date(found.session.starts_at),
          new Date(found.session.ends_at),
          found.session.time_zone,
          locale,
        ),
        token: String(token),
        // same origin as the page, so the CSP's form-action 'self' lets the button post
        actionUrl: `${new URL(getConfig(strapi).publicUrl).pathname.replace(/\/$/, '')}/api/webinars/registrations/cancel`,
        backUrl: backUrl(locale),
      });
    },

    /**
     * POST /api/webinars/registrations/cancel { token }: JSON from the site, or the form of the
     * page above. The signed token is the authority, so no Origin check is needed here.
     */
    async cancel(ctx: RequestContext) {
      noStore(ctx);
      await leads(strapi).rateLimit.checkRequest(ctx, 'webinar-cancel', { ip: ctx.request.ip });
      const form = ctx.is('application/x-www-form-urlencoded');
      if (!form && !ctx.is('application/json')) ctx.throw(415, 'Content-Type must be application/json');
      const token = ctx.request.body?.token;
      if (typeof token !== 'string' || token.length === 0 || token.length > 200) {
        if (!form)
          throw new errors.ValidationError('token is required', {
            errors: [{ path: ['token'], message: 'token is required', name: 'ValidationError', value: null }],
          });
      }
      const result = await getService(strapi, 'registrations').cancel(token);
      if (form) {
        ctx.type = 'text/html; charset=utf-8';
        ctx.status = result.outcome === 'invalid' ? 404 : result.outcome === 'closed' ? 409 : 200;
        ctx.body = cancelPage(result.outcome, {
          locale: result.locale,
          webinarTitle: result.webinarTitle,
          backUrl: backUrl(result.locale),
        });
        return;
      }
      if (result.outcome === 'invalid') throw new errors.NotFoundError('This link is not valid');
      if (result.outcome === 'closed')
        throw new errors.ApplicationError('This registration can no longer be cancelled');
      ctx.body = { data: { cancelled: true } };
    },

    /** GET /api/webinars/registrations/ics?token=: the registrant's own calendar file. */
    async registrationIcs(ctx: RequestContext) {
      noStore(ctx);
      const ics = await getService(strapi, 'registrations').icsByToken(ctx.query?.token);
      if (!ics) throw new errors.NotFoundError('This link is not valid');
      sendIcs(ctx, ics, 'webinar.ics');
    },
  };
};
