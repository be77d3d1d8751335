/**
 * What a SendGrid event (Event Webhook, docs.sendgrid.com "Event Webhook Reference") means here:
 * a statistic of the campaign's recipient, a suppression of the address, or nothing.
 */
export interface SendGridEvent {
  email?: unknown;
  event?: unknown;
  timestamp?: unknown;
  sg_event_id?: unknown;
  /** bounce: `bounce` (hard) or `blocked` (soft) in the v3 webhook; older accounts send `type` */
  type?: unknown;
  bounce_classification?: unknown;
  newsletter_campaign?: unknown;
  newsletter_contact?: unknown;
}

/** The recipient column an event stamps (first time only). */
export type RecipientMark = 'delivered' | 'opened' | 'clicked' | 'bounced' | 'unsubscribed' | 'spam';

export interface EventMeaning {
  mark: RecipientMark | null;
  /**
   * marketing: no more newsletters to this address; all: no email at all (a hard bounce: the
   * address does not exist); withdraw: the person asked us to stop (consent withdrawn).
   */
  suppress: 'marketing' | 'all' | null;
  withdraw: boolean;
}

const NOTHING: EventMeaning = { mark: null, suppress: null, withdraw: false };

export function eventMeaning(event: SendGridEvent): EventMeaning {
  switch (event.event) {
    case 'delivered':
      return { ...NOTHING, mark: 'delivered' };
    case 'open':
      return { ...NOTHING, mark: 'opened' };
    case 'click':
      return { ...NOTHING, mark: 'clicked' };
    case 'bounce':
      // a `blocked` bounce is the receiver refusing for now (reputation, content): marketing stops, receipts still go
      return { mark: 'bounced', suppress: event.type === 'blocked' ? 'marketing' : 'all', withdraw: false };
    case 'blocked':
    case 'dropped':
      return { mark: 'bounced', suppress: 'marketing', withdraw: false };
    case 'spamreport':
      return { mark: 'spam', suppress: 'marketing', withdraw: true };
    case 'unsubscribe':
    case 'group_unsubscribe':
      return { mark: 'unsubscribed', suppress: 'marketing', withdraw: true };
    default:
      return NOTHING;
  }
}

/** Control characters (PostgreSQL refuses NUL in text) and lone surrogates: never in a stored value. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A plausible email address from an event, normalised as the leads core stores it; null otherwise. */
export function eventEmail(event: SendGridEvent): string | null {
  if (typeof event.email !== 'string' || event.email.length > 254) return null;
  const email = event.email.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(email) && !UNSTORABLE.test(email) ? email : null;
}

/** SendGrid's event id when it can be stored (to apply each event once); null otherwise. */
export function eventId(event: SendGridEvent): string | null {
  return typeof event.sg_event_id === 'string' &&
    event.sg_event_id.length > 0 &&
    event.sg_event_id.length <= 100 &&
    !UNSTORABLE.test(event.sg_event_id)
    ? event.sg_event_id
    : null;
}

/** The campaign id we put in custom_args, or null. */
export function eventCampaign(event: SendGridEvent): number | null {
  const value =
    typeof event.newsletter_campaign === 'string' && /^[1-9][0-9]{0,9}$/.test(event.newsletter_campaign)
      ? Number(event.newsletter_campaign)
      : NaN;
  // a campaign id is a PostgreSQL integer
  return Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647 ? value : null;
}

/** The latest time an event may claim (Unix seconds): 2100-01-01; anything later is no real event. */
const LATEST_EVENT_SECONDS = 4_102_444_800;

/** When it happened (SendGrid: Unix seconds), else now (also for a time no real event has). */
export function eventTime(event: SendGridEvent, now: Date): Date {
  return typeof event.timestamp === 'number' &&
    Number.isFinite(event.timestamp) &&
    event.timestamp > 0 &&
    event.timestamp <= LATEST_EVENT_SECONDS
    ? new Date(event.timestamp * 1000)
    : now;
}
