import { inject } from 'vitest';
import type { SentMessage } from './sendgrid';

/** Test-side controls of the fake SendGrid started by the global setup. */
export const fakeSendGrid = {
  async messages(): Promise<SentMessage[]> {
    const response = await fetch(`${inject('sendgridUrl')}/__fake/messages`);
    return (await response.json()).messages;
  },
  async to(address: string): Promise<SentMessage[]> {
    return (await this.messages()).filter((message) =>
      message.body.personalizations.some((p: any) => p.to.some((to: any) => to.email === address)),
    );
  },
  async withKey(idempotencyKey: string): Promise<SentMessage[]> {
    return (await this.messages()).filter((message) => message.body.custom_args?.idempotency_key === idempotencyKey);
  },
  /** The next `times` sends answer `status` (500 outage, 429 rate limit, 400 bad request...). */
  async fail(status: number, times: number, options: { resetSeconds?: number } = {}) {
    await fetch(`${inject('sendgridUrl')}/__fake/fail`, {
      method: 'POST',
      body: JSON.stringify({ status, times, ...options }),
    });
  },
  /** Posts `events` to the CMS's SendGrid webhook, signed as SendGrid does (`key: 'other'`: a forgery). */
  async postEvents(events: unknown[], options: { timestamp?: number; key?: 'other' } = {}) {
    const response = await fetch(`${inject('sendgridUrl')}/__fake/events`, {
      method: 'POST',
      body: JSON.stringify({ url: `${inject('cmsUrl')}/api/newsletter/sendgrid/events`, events, ...options }),
    });
    return (await response.json()) as { status: number; body: any };
  },
  async clearFailures() {
    await fetch(`${inject('sendgridUrl')}/__fake/fail`, { method: 'DELETE' });
  },
};
