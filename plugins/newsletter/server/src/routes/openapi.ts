import { dateTime, nullableString, objectList, receivedAnswer } from '@magnetiq/plugin-kit/openapi';
import { preferencesSchema, signupSchema } from '../validation/public';
import { STAT_COUNTS, STAT_RATES } from '../services/stats';
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

const preferences = {
  type: 'object',
  required: ['email', 'language', 'subscribed', 'status', 'topics'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', description: 'masked: the first letter and the domain' },
    language: { type: 'string' },
    subscribed: { type: 'boolean' },
    status: { enum: ['subscribed', 'unsubscribed', 'pending'] },
    topics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['slug', 'name', 'subscribed'],
        additionalProperties: false,
        properties: {
          slug: { type: 'string' },
          name: { type: 'string' },
          description: nullableString,
          subscribed: { type: 'boolean' },
        },
      },
    },
  },
};

const block = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { enum: ['text', 'image', 'button', 'article'] },
    text: { type: 'string' },
    url: { type: 'string' },
    alt: { type: 'string' },
    href: nullableString,
    label: { type: 'string' },
    title: { type: 'string' },
    summary: nullableString,
    imageUrl: nullableString,
  },
};
const variant = {
  type: 'object',
  required: ['subject', 'blocks'],
  properties: {
    subject: { type: 'string' },
    preheader: nullableString,
    blocks: { type: 'array', items: block },
  },
};
const campaignBody = {
  type: 'object',
  required: ['name', 'variants', 'defaultLocale'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 200 },
    variants: {
      type: 'object',
      additionalProperties: variant,
      description: 'one variant per locale code, e.g. en and de',
    },
    defaultLocale: locale,
    segment: { type: ['integer', 'null'], description: 'a saved segment; none = every subscriber' },
  },
};
const campaign = {
  type: 'object',
  required: ['id', 'name', 'status', 'variants', 'defaultLocale'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    variants: { type: 'object' },
    defaultLocale: { type: 'string' },
    segment: { type: ['integer', 'null'] },
    status: { enum: ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] },
    scheduledAt: { type: ['string', 'null'], format: 'date-time' },
    startedAt: { type: ['string', 'null'], format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    recipientCount: { type: ['integer', 'null'] },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};
const topic = {
  type: 'object',
  required: ['id', 'slug', 'locale', 'name'],
  properties: {
    id: { type: 'integer' },
    slug: { type: 'string' },
    locale: { type: 'string' },
    name: { type: 'string' },
    description: nullableString,
    position: { type: 'integer' },
    subscribers: { type: 'integer' },
  },
};
const segment = {
  type: 'object',
  required: ['id', 'name', 'filter'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    filter: { type: 'object' },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};
const option = {
  type: 'object',
  required: ['value', 'label'],
  properties: { value: { type: 'string' }, label: { type: 'string' } },
};
const count = { type: 'object', required: ['count'], properties: { count: { type: 'integer', minimum: 0 } } };
const deleted = { type: 'object', required: ['deleted'], properties: { deleted: { const: true } } };
const stats = {
  type: 'object',
  required: ['campaign', 'sent', 'delivered', 'bounced', 'opened', 'clicked', 'unsubscribed'],
  properties: {
    campaign: { type: 'integer', minimum: 1 },
    name: { type: 'string' },
    status: { type: 'string' },
    ...Object.fromEntries(STAT_COUNTS.map((key) => [key, { type: 'integer', minimum: 0 }])),
    ...Object.fromEntries(STAT_RATES.map((key) => [key, { type: 'number', minimum: 0, maximum: 1 }])),
  },
};

export default {
  'public.topics': {
    summary: 'The newsletter topics of a locale (for the signup form)',
    query: { type: 'object', properties: { locale } },
    data: {
      type: 'array',
      items: {
        type: 'object',
        required: ['slug', 'name'],
        additionalProperties: false,
        properties: { slug: { type: 'string' }, name: { type: 'string' }, description: nullableString },
      },
    },
    meta: { type: 'object', properties: { locale: { type: 'string' } } },
  },
  'public.subscribe': {
    summary: 'Newsletter signup: marketing consent confirmed by email (double opt-in), the chosen topics',
    body: signupSchema,
    status: 201,
    data: receivedAnswer,
  },
  'public.preferences': {
    summary: 'The preference centre of the contact the signed link names (reads only)',
    query: { type: 'object', required: ['token'], properties: { token } },
    data: preferences,
  },
  'public.updatePreferences': {
    summary: 'Changes topics or language, or unsubscribes from all; each change is a consent record',
    body: preferencesSchema,
    data: preferences,
  },
  'public.unsubscribe': {
    summary: 'One-click unsubscribe (RFC 8058): POST `List-Unsubscribe=One-Click`; there is no GET',
    query: { type: 'object', required: ['token'], properties: { token } },
    body: { type: 'object', properties: { 'List-Unsubscribe': { const: 'One-Click' } } },
    bodyTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
    data: {
      type: 'object',
      required: ['unsubscribed'],
      additionalProperties: false,
      properties: { unsubscribed: { const: true } },
    },
  },
  'public.events': {
    summary: "SendGrid's Signed Event Webhook (ECDSA over timestamp + raw body; 401 when the signature fails)",
    body: objectList,
    data: {
      type: 'object',
      required: ['applied'],
      additionalProperties: false,
      properties: { applied: { type: 'integer', minimum: 0 } },
    },
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
    data: {
      type: 'object',
      required: ['topics', 'languages', 'sources', 'whitepapers', 'webinars', 'criteria'],
      properties: {
        topics: { type: 'array', items: option },
        languages: { type: 'array', items: option },
        sources: { type: 'array', items: option },
        whitepapers: { type: 'array', items: option },
        webinars: { type: 'array', items: option },
        criteria: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'label', 'options'],
            properties: {
              name: { type: 'string' },
              label: { type: 'string' },
              options: { type: 'array', items: option },
            },
          },
        },
      },
    },
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
    query: { type: 'object', properties: { locale } },
    data: {
      type: 'object',
      required: ['subject', 'html', 'text'],
      properties: { subject: { type: 'string' }, html: { type: 'string' }, text: { type: 'string' } },
    },
  },
  'admin.audienceCount': { summary: "The live count of the campaign's segment", params: { id }, data: count },
  'admin.testSend': {
    summary: 'Sends the campaign to your own address (through the outbox)',
    params: { id },
    body: testSendSchema,
    status: 202,
    data: { type: 'object', required: ['queued'], properties: { queued: { const: true } } },
  },
  'admin.sendNow': {
    summary: 'Sends now: recipients chosen, one outbox message per batch of at most 1,000',
    params: { id },
    status: 202,
    data: {
      type: 'object',
      required: ['recipients', 'batches'],
      properties: { recipients: { type: 'integer' }, batches: { type: 'integer' } },
    },
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
    data: { type: 'object', required: ['physicalAddress'], properties: { physicalAddress: { type: 'string' } } },
  },
  'admin.writeSettings': {
    summary: 'Sets the postal address every campaign carries',
    body: settingsSchema,
    data: { type: 'object', required: ['physicalAddress'], properties: { physicalAddress: { type: 'string' } } },
  },
  'admin.findSuppression': {
    summary: 'Whether and why an address is suppressed (looked up by its keyed hash; audited)',
    body: suppressionSchema,
    data: {
      type: 'object',
      required: ['suppressed'],
      properties: {
        suppressed: { type: 'boolean' },
        scope: { enum: ['marketing', 'all'] },
        kind: { enum: ['delivery', 'consent'] },
        reason: { type: 'string' },
        since: dateTime,
        updatedAt: dateTime,
      },
    },
  },
  'admin.removeSuppression': {
    summary: 'Lifts the suppression of an address (e.g. a bounced address that works again; audited)',
    body: suppressionSchema,
    data: { type: 'object', required: ['removed'], properties: { removed: { const: true } } },
  },
  'admin.contactHistory': {
    summary: "A contact's topics and campaigns (personal data: audited)",
    params: { documentId: { type: 'string' } },
    data: {
      type: 'object',
      required: ['topics', 'campaigns'],
      properties: {
        topics: objectList,
        campaigns: objectList,
      },
    },
  },
};
