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

/** A plausible email address from an event, normalised as the leads core stores it; null otherwise. */
export function eventEmail(event: SendGridEvent): string | null {
  if (typeof event.email !== 'string' || event.email.length > 254) return null;
  const email = event.email.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(email) ? email : null;
}

/** The campaign id we put in custom_args, or null. */
export function eventCampaign(event: SendGridEvent): number | null {
  const value = typeof event.newsletter_campaign === 'string' ? Number(event.newsletter_campaign) : NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** When it happened (SendGrid: Unix seconds), else now. */
export function eventTime(event: SendGridEvent, now: Date): Date {
  return typeof event.timestamp === 'number' && Number.isFinite(event.timestamp) && event.timestamp > 0
    ? new Date(event.timestamp * 1000)
    : now;
}
