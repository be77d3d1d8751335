import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isDate, isTimeZone } from '../domain/schedule';
import { DateTime } from 'luxon';
import { bookingValidators, validateSchedule, type BookingValidators } from '../validation/booking';
import { getService, leads } from '../utils';
import type { RequestContext } from '@magnetiq/plugin-kit/server';

const STATUSES = ['confirmed', 'cancelled', 'rescheduled'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let validators: BookingValidators | null = null;
  const validate = () => (validators ??= bookingValidators(leads(strapi).forms.strictValidator));

  return {
    /** GET /booking/hosts */
    async hosts(ctx: RequestContext) {
      ctx.body = { data: await getService(strapi, 'schedules').hosts() };
    },

    /** PUT /booking/hosts/:documentId/schedule { timeZone, weeklyHours, dateOverrides } */
    async updateSchedule(ctx: RequestContext) {
      const schedule = validateSchedule(ctx.request.body);
      ctx.body = { data: await getService(strapi, 'schedules').update(String(ctx.params.documentId), schedule) };
    },

    /** GET /booking/bookings?host=&from=YYYY-MM-DD&to=YYYY-MM-DD&timeZone=&status=&page= (`tz`: deprecated name of timeZone) */
    async bookings(ctx: RequestContext) {
      const { host, from, to, status, page, tz, timeZone } = ctx.query ?? {};
      if (timeZone === undefined && tz !== undefined) leads(strapi).deprecations.mark(ctx, 'tz', 'timeZone');
      const requestedZone = timeZone ?? tz;
      const zone = isTimeZone(requestedZone) ? requestedZone : 'UTC';
      if (from !== undefined && !isDate(from)) throw new errors.ValidationError('from must be YYYY-MM-DD');
      if (to !== undefined && !isDate(to)) throw new errors.ValidationError('to must be YYYY-MM-DD');
      if (status !== undefined && (typeof status !== 'string' || !STATUSES.includes(status)))
        throw new errors.ValidationError(`status must be one of ${STATUSES.join(', ')}`);
      ctx.body = {
        data: await getService(strapi, 'bookings').list({
          host: typeof host === 'string' && host ? host : undefined,
          from: from ? DateTime.fromISO(from, { zone }).toJSDate() : undefined,
          to: to ? DateTime.fromISO(to, { zone }).plus({ days: 1 }).toJSDate() : undefined,
          status: typeof status === 'string' ? status : undefined,
          page: Math.max(1, Number(page) || 1),
          pageSize: 200,
        }),
      };
      await leads(strapi).audit.adminRead(
        ctx.state.user,
        'booking.bookings.view',
        { type: 'booking-list', id: typeof host === 'string' && host ? host : 'all' },
        { from: from ?? null, to: to ?? null, status: status ?? null },
      );
    },

    /** POST /booking/bookings/:documentId/cancel { reason } */
    async cancel(ctx: RequestContext) {
      const { reason } = await validate().adminCancel(ctx.request.body);
      ctx.body = {
        data: await getService(strapi, 'bookings').cancel(String(ctx.params.documentId), { reason, by: 'admin' }),
      };
    },
  };
};
