import { closedObject, object } from '@magnetiq/plugin-kit/openapi';
import {
  booleanType,
  dateTime,
  integerType,
  nullableString,
  objectList,
  objectType,
  receivedAnswer,
  stringType,
} from '@magnetiq/plugin-kit/openapi';
import { preferencesSchema, signupSchema } from '../validation/public';
import { STAT_COUNTS, STAT_RATES } from '../services/stats';
import { CAMPAIGN_STATUSES } from '../services/campaigns';
import {
  scheduleSchema,
  segmentFilterSchema,
  segmentSchema,
  settingsSchema,
  suppressionSchema,
  testSendSchema,
  topicSchema,
} from '../validation/admin';

/**
 * The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the
 * document from it and the routes; docs/adr/0021-openapi.md).
 */
const locale = {
  type: 'string',
  maxLength: 35,
  description: 'a configured locale code; the default locale when missing',
};
const id = { type: 'string', pattern: '^[1-9][0-9]*$' };
const token = { type: 'string', maxLength: 1024, description: 'the signed link token from the email' };

const preferences = closedObject(['email', 'language', 'subscribed', 'status', 'topics'], {
  email: { type: 'string', description: 'masked: the first letter and the domain' },
  language: stringType,
  subscribed: booleanType,
  status: { enum: ['subscribed', 'unsubscribed', 'pending'] },
  topics: {
    type: 'array',
    items: closedObject(['slug', 'name', 'subscribed'], {
      slug: stringType,
      name: stringType,
      description: nullableString,
      subscribed: booleanType,
    }),
  },
});

const block = object(['type'], {
  type: { enum: ['text', 'image', 'button', 'article'] },
  text: stringType,
  url: stringType,
  alt: stringType,
  href: nullableString,
  label: stringType,
  title: stringType,
  summary: nullableString,
  imageUrl: nullableString,
});
const variant = object(['subject', 'blocks'], {
  subject: stringType,
  preheader: nullableString,
  blocks: { type: 'array', items: block },
});
const campaignBody = closedObject(['name', 'variants', 'defaultLocale'], {
  name: { type: 'string', maxLength: 200 },
  variants: {
    type: 'object',
    additionalProperties: variant,
    description: 'one variant per locale code, e.g. en and de',
  },
  defaultLocale: locale,
  segment: { type: ['integer', 'null'], description: 'a saved segment; none = every subscriber' },
});
const campaign = object(['id', 'name', 'status', 'variants', 'defaultLocale'], {
  id: integerType,
  name: stringType,
  variants: objectType,
  defaultLocale: stringType,
  segment: { type: ['integer', 'null'] },
  status: { enum: CAMPAIGN_STATUSES },
  scheduledAt: { type: ['string', 'null'], format: 'date-time' },
  startedAt: { type: ['string', 'null'], format: 'date-time' },
  finishedAt: { type: ['string', 'null'], format: 'date-time' },
  recipientCount: { type: ['integer', 'null'] },
  createdAt: dateTime,
  updatedAt: dateTime,
});
const topic = object(['id', 'slug', 'locale', 'name'], {
  id: integerType,
  slug: stringType,
  locale: stringType,
  name: stringType,
  description: nullableString,
  position: integerType,
  subscribers: integerType,
});
const segment = object(['id', 'name', 'filter'], {
  id: integerType,
  name: stringType,
  filter: objectType,
  createdAt: dateTime,
  updatedAt: dateTime,
});
const option = object(['value', 'label'], { value: stringType, label: stringType });
const count = object(['count'], { count: { type: 'integer', minimum: 0 } });
const deleted = object(['deleted'], { deleted: { const: true } });
const stats = object(['campaign', 'sent', 'delivered', 'bounced', 'opened', 'clicked', 'unsubscribed'], {
  campaign: { type: 'integer', minimum: 1 },
  name: stringType,
  status: stringType,
  ...Object.fromEntries(STAT_COUNTS.map((key) => [key, { type: 'integer', minimum: 0 }])),
  ...Object.fromEntries(STAT_RATES.map((key) => [key, { type: 'number', minimum: 0, maximum: 1 }])),
});

export default {
  'public.topics': {
    summary: 'The newsletter topics of a locale (for the signup form)',
    query: object([], { locale }),
    data: {
      type: 'array',
      items: closedObject(['slug', 'name'], { slug: stringType, name: stringType, description: nullableString }),
    },
    meta: object([], { locale: stringType }),
  },
  'public.subscribe': {
    summary: 'Newsletter signup: marketing consent confirmed by email (double opt-in), the chosen topics',
    body: signupSchema,
    status: 201,
    data: receivedAnswer,
  },
  'public.preferences': {
    summary: 'The preference centre of the contact the signed link names (reads only)',
    query: object(['token'], { token }),
    data: preferences,
  },
  'public.updatePreferences': {
    summary: 'Changes topics or language, or unsubscribes from all; each change is a consent record',
    body: preferencesSchema,
    data: preferences,
  },
  'public.unsubscribe': {
    summary: 'One-click unsubscribe (RFC 8058): POST `List-Unsubscribe=One-Click`; there is no GET',
    query: object(['token'], { token }),
    body: object([], { 'List-Unsubscribe': { const: 'One-Click' } }),
    bodyTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
    data: closedObject(['unsubscribed'], { unsubscribed: { const: true } }),
  },
  'public.events': {
    summary: "SendGrid's Signed Event Webhook (ECDSA over timestamp + raw body; 401 when the signature fails)",
    body: objectList,
    data: closedObject(['applied'], { applied: { type: 'integer', minimum: 0 } }),
  },

  'admin.listTopics': { summary: 'Topics with their subscriber counts', data: { type: 'array', items: topic } },
  'admin.createTopic': { summary: 'Creates a topic in a locale', body: topicSchema, status: 201, data: topic },
  'admin.updateTopic': { summary: 'Changes a topic', params: { id }, body: topicSchema, data: topic },
  'admin.deleteTopic': { summary: 'Deletes a topic and its subscriptions', params: { id }, data: deleted },

  'admin.listSegments': { summary: 'Saved segments', data: { type: 'array', items: segment } },
  'admin.createSegment': { summary: 'Saves a segment', body: segmentSchema, status: 201, data: segment },
  'admin.updateSegment': { summary: 'Changes a segment', params: { id }, body: segmentSchema, data: segment },
  'admin.deleteSegment': { summary: 'Deletes a segment', params: { id }, data: deleted },
  'admin.countFilter': {
    summary: 'The live count of a filter (subscribers only)',
    body: segmentFilterSchema,
    data: count,
  },
  'admin.segmentOptions': {
    summary:
      'What the segment editor offers: topics, languages, sources, whitepapers, webinars, other plugins’ criteria',
    data: object(['topics', 'languages', 'sources', 'whitepapers', 'webinars', 'criteria'], {
      topics: { type: 'array', items: option },
      languages: { type: 'array', items: option },
      sources: { type: 'array', items: option },
      whitepapers: { type: 'array', items: option },
      webinars: { type: 'array', items: option },
      criteria: {
        type: 'array',
        items: object(['name', 'label', 'options'], {
          name: stringType,
          label: stringType,
          options: { type: 'array', items: option },
        }),
      },
    }),
  },
  'admin.countSegment': { summary: 'The live count of a saved segment', params: { id }, data: count },

  'admin.listCampaigns': {
    summary: 'Campaigns, newest first, each with its counts and rates',
    data: {
      type: 'array',
      items: { ...campaign, properties: { ...campaign.properties, stats: { oneOf: [stats, { type: 'null' }] } } },
    },
  },
  'admin.getCampaign': { summary: 'One campaign', params: { id }, data: campaign },
  'admin.createCampaign': { summary: 'Creates a draft campaign', body: campaignBody, status: 201, data: campaign },
  'admin.updateCampaign': { summary: 'Changes a draft', params: { id }, body: campaignBody, data: campaign },
  'admin.deleteCampaign': { summary: 'Deletes a draft or cancelled campaign', params: { id }, data: deleted },
  'admin.previewCampaign': {
    summary: 'The email as rendered for a locale (personal links as placeholders)',
    params: { id },
    query: object([], { locale }),
    data: object(['subject', 'html', 'text'], { subject: stringType, html: stringType, text: stringType }),
  },
  'admin.audienceCount': { summary: "The live count of the campaign's segment", params: { id }, data: count },
  'admin.testSend': {
    summary: 'Sends the campaign to your own address (through the outbox)',
    params: { id },
    body: testSendSchema,
    status: 202,
    data: object(['queued'], { queued: { const: true } }),
  },
  'admin.sendNow': {
    summary: 'Sends now: recipients chosen, one outbox message per batch of at most 1,000',
    params: { id },
    status: 202,
    data: object(['recipients', 'batches'], { recipients: integerType, batches: integerType }),
  },
  'admin.schedule': {
    summary: 'Sends at a time (recipients chosen then)',
    params: { id },
    body: scheduleSchema,
    data: campaign,
  },
  'admin.cancel': {
    summary: 'A scheduled campaign back to draft, a sending one stopped',
    params: { id },
    data: campaign,
  },
  'admin.campaignStats': { summary: "A campaign's counts and rates", params: { id }, data: stats },
  'admin.statsCsv': { summary: 'Every started campaign with counts and rates, as CSV', produces: 'text/csv' },
  'admin.readSettings': {
    summary: 'Newsletter settings',
    data: object(['physicalAddress'], { physicalAddress: stringType }),
  },
  'admin.writeSettings': {
    summary: 'Sets the postal address every campaign carries',
    body: settingsSchema,
    data: object(['physicalAddress'], { physicalAddress: stringType }),
  },
  'admin.findSuppression': {
    summary: 'Whether and why an address is suppressed (looked up by its keyed hash; audited)',
    body: suppressionSchema,
    data: object(['suppressed'], {
      suppressed: booleanType,
      scope: { enum: ['marketing', 'all'] },
      kind: { enum: ['delivery', 'consent'] },
      reason: stringType,
      since: dateTime,
      updatedAt: dateTime,
    }),
  },
  'admin.removeSuppression': {
    summary: 'Lifts the suppression of an address (e.g. a bounced address that works again; audited)',
    body: suppressionSchema,
    data: object(['removed'], { removed: { const: true } }),
  },
  'admin.contactHistory': {
    summary: "A contact's topics and campaigns (personal data: audited)",
    params: { documentId: stringType },
    data: object(['topics', 'campaigns'], {
      topics: objectList,
      campaigns: objectList,
    }),
  },
};
