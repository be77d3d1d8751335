import type { LeadCapturedEvent, LeadCapturedSubscriber } from '../contract';

/**
 * The core's `lead.captured` event (docs/adr/0019): plugins that act on every lead (odoo-sync)
 * subscribe in bootstrap and answer each event with outbox messages, which the core writes in the
 * capture's own transaction. The core names no subscriber and none of their topics.
 */
export default () => {
  const subscribers: LeadCapturedSubscriber[] = [];
  return {
    onLeadCaptured(subscriber: LeadCapturedSubscriber) {
      subscribers.push(subscriber);
    },

    /** Every subscriber's messages for one captured activity, in subscription order. */
    leadCaptured(event: LeadCapturedEvent) {
      return subscribers.flatMap((subscriber) => subscriber(event));
    },
  };
};
