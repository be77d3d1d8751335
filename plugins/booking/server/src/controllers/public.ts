import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import { acceptPublicForm, type PublicFormRequest, type RequestContext } from '@magnetiq/plugin-kit/server';
import { bookingValidators, SLUG, validateSlotQuery, type BookingValidators } from '../validation/booking';
import { getConfig, getService, leads } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** one of the configured locales (the default when missing), else a 400 */
  const localeOf = (ctx: RequestContext): Promise<string> => leads(strapi).locales.resolve(ctx.query?.locale);
  const catalog = () => getService(strapi, 'catalog');
  const bookings = () => getService(strapi, 'bookings');
  let validators: BookingValidators | null = null;
  const validate = () => (validators ??= bookingValidators(leads(strapi).forms.strictValidator));
  const limit = (ctx: PublicFormRequest, form: string, key: { ip?: string; email?: string }) =>
    leads(strapi).rateLimit.checkRequest(ctx, form, key);

  return {
    /** GET /api/booking/meeting-types?locale=en */
    async meetingTypes(ctx: RequestContext) {
      const locale = await localeOf(ctx);
      const types = await catalog().meetingTypes(locale);
      ctx.body = { data: await Promise.all(types.map((type) => catalog().toPublic(type, locale))), meta: {} };
    },

    /** GET /api/booking/meeting-types/:slug?locale=en */
    async meetingType(ctx: RequestContext) {
      const locale = await localeOf(ctx);
      const slug = ctx.params.slug;
      const type = typeof slug === 'string' && SLUG.test(slug) ? await catalog().meetingType(slug, locale) : null;
      if (!type) throw new errors.NotFoundError('Meeting type not found');
      ctx.body = { data: await catalog().toPublic(type, locale), meta: {} };
    },

    /** GET /api/booking/slots?type=&from=&to=&tz=[&host=][&locale=] */
    async slots(ctx: RequestContext) {
      const query = validateSlotQuery(ctx.query ?? {}, getConfig(strapi).maxRangeDays);
      if (query.usedTz) leads(strapi).deprecations.mark(ctx, 'tz', 'timeZone');
      const type = await catalog().meetingType(query.type, await leads(strapi).locales.resolve(query.locale));
      if (!type) throw new errors.NotFoundError('Meeting type not found');
      let hosts = await catalog().hostsOf(type);
      if (query.host) {
        hosts = hosts.filter((host) => host.slug === query.host);
        if (hosts.length === 0) throw new errors.NotFoundError('This host does not offer this meeting type');
      }
      const { days, busy } = await getService(strapi, 'availability').slots({
        type,
        hosts,
        from: query.from,
        to: query.to,
        timeZone: query.timeZone,
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: days,
        meta: {
          type: type.slug,
          timeZone: query.timeZone,
          from: query.from,
          to: query.to,
          durationMinutes: type.durationMinutes,
          busy,
          generatedAt: DateTime.utc().toISO(),
        },
      };
    },

    /** POST /api/booking/bookings */
    async book(ctx: RequestContext) {
      const { input: body, honeypot } = await acceptPublicForm(ctx, {
        name: 'booking',
        rateLimit: limit,
        validate: validate().booking,
      });
      body.locale = await leads(strapi).locales.resolve(body.locale);
      if (honeypot) {
        // The same answer as a real booking, so a bot learns nothing; nothing is written.
        strapi.log.info('booking: honeypot filled, request dropped');
        const start = new Date(Date.parse(body.start));
        ctx.status = 201;
        ctx.body = {
          data: {
            id: 'x'.repeat(24),
            status: 'confirmed',
            start: start.toISOString(),
            end: start.toISOString(),
            timeZone: body.timeZone,
            meetingType: { slug: body.type, title: null },
            host: { slug: body.host ?? '', name: null },
            location: null,
            changeable: true,
          },
        };
        return;
      }
      const booking = await bookings().book(body, { ip: ctx.request.ip, userAgent: ctx.get('User-Agent') });
      ctx.status = 201;
      ctx.body = { data: booking };
    },

    /** POST /api/booking/manage { token }: the booking a manage link opens. */
    async manage(ctx: RequestContext) {
      await limit(ctx, 'booking-manage', { ip: ctx.request.ip });
      const { token } = await validate().manage(ctx.request.body);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await bookings().view(token) };
    },

    /** POST /api/booking/manage/cancel { token, reason? } */
    async cancel(ctx: RequestContext) {
      await limit(ctx, 'booking-manage', { ip: ctx.request.ip });
      const { token, reason } = await validate().cancel(ctx.request.body);
      ctx.body = { data: await bookings().cancelByToken(token, reason) };
    },

    /** POST /api/booking/manage/reschedule { token, start, timeZone? } */
    async reschedule(ctx: RequestContext) {
      await limit(ctx, 'booking-manage', { ip: ctx.request.ip });
      const { token, start, timeZone } = await validate().reschedule(ctx.request.body);
      ctx.body = { data: await bookings().reschedule(token, { start, timeZone }) };
    },
  };
};
