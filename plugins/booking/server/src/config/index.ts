export interface BookingConfig {
  /** HMAC secret of reschedule/cancel links (BOOKING_TOKEN_SECRET); empty = derived from the leads secret */
  tokenSecret: string;
  /** the CMS as visitors reach it */
  publicUrl: string;
  /** the site: manage links point to `${siteUrl}/${locale}${managePath}?token=...` */
  siteUrl: string;
  managePath: string;
  /** longest range one slot request may ask for, in days */
  maxRangeDays: number;
  /** how long the slot listing waits for Google's free/busy before it uses the cache */
  busyTimeoutMs: number;
  /** hosts and meeting types are cached this long (and dropped on every change) */
  catalogTtlMs: number;
  /** a computed slot answer is reused this long (dropped on every booking change on this instance); 0 = off */
  slotsCacheMs: number;
  /** the reminder email goes out this long before the meeting */
  reminderHoursBefore: number;
  /** the name in emails and calendar invitations */
  organizerName: string;
  /** add a Google Meet link to the calendar event of video meetings */
  createMeetLinks: boolean;
}

const defaults: BookingConfig = {
  tokenSecret: '',
  publicUrl: 'http://localhost:1337',
  siteUrl: 'http://localhost:4321',
  managePath: '/booking/manage',
  maxRangeDays: 62,
  busyTimeoutMs: 800,
  catalogTtlMs: 30_000,
  slotsCacheMs: 2_000,
  reminderHoursBefore: 24,
  organizerName: 'Magnetiq',
  createMeetLinks: true,
};

export default {
  default: defaults,
  validator(config: BookingConfig) {
    if (config.tokenSecret && config.tokenSecret.length < 16)
      throw new Error('booking: tokenSecret (BOOKING_TOKEN_SECRET) must be at least 16 characters when set');
    if (!(config.maxRangeDays >= 1 && config.maxRangeDays <= 366))
      throw new Error('booking: maxRangeDays must be between 1 and 366');
    if (!(config.busyTimeoutMs >= 0)) throw new Error('booking: busyTimeoutMs must not be negative');
    if (!(config.reminderHoursBefore > 0)) throw new Error('booking: reminderHoursBefore must be positive');
  },
};
