import { contactSubmissionSchema } from '../validation/submission';
import { tokenBodySchema } from '../controllers/links';
import { contactListQuerySchema, outboxListQuerySchema } from '../controllers/admin';
import { closedObject, object } from '@magnetiq/plugin-kit/openapi';
import { objectList, receivedAnswer, stringType } from '@magnetiq/plugin-kit/openapi';

/**
 * The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the
 * document from it and the routes): request schemas are the ones the routes validate with,
 * `data` describes the `{ data, meta }` answer in JSON Schema.
 */
const token = object(['token'], { token: { type: 'string', minLength: 1, maxLength: 2048 } });

export default {
  'submissions.create': {
    summary: 'The contact form: stores the lead and sends the double opt-in email',
    description: 'The same 201 answer whether the email is new, known or the honeypot caught a bot.',
    body: contactSubmissionSchema,
    status: 201,
    data: receivedAnswer,
  },
  'links.confirmPage': {
    summary:
      'The double opt-in link: a browser is sent to the site page that asks for one click; JSON clients learn whether the link is good',
    query: token,
    redirect: true,
    data: closedObject(['status', 'method'], { status: { const: 'pending' }, method: { const: 'POST' } }),
  },
  'links.confirm': {
    summary: 'Confirms a subscription (double opt-in)',
    body: tokenBodySchema,
    data: closedObject(['status'], {
      status: { const: 'subscription-confirmed' },
      language: stringType,
      locale: stringType,
    }),
  },
  'links.unsubscribePage': {
    summary: 'The List-Unsubscribe link opened in a browser: sent to the site page that asks for one click',
    query: token,
    redirect: true,
    data: closedObject(['status', 'method'], { status: { const: 'pending' }, method: { const: 'POST' } }),
  },
  'links.unsubscribe': {
    summary: 'Unsubscribes: RFC 8058 one-click (form body, token in the query) or the site page (JSON { token })',
    query: object([], { token: token.properties.token }),
    body: tokenBodySchema,
    bodyTypes: ['application/json', 'application/x-www-form-urlencoded'],
    data: closedObject(['status'], { status: { const: 'unsubscribed' }, language: stringType, locale: stringType }),
  },
  'admin.listContacts': {
    summary: 'Contacts, searched and paged',
    query: contactListQuerySchema,
    data: objectList,
  },
  'admin.getContact': { summary: 'One contact with consents and timeline (audited)' },
  'admin.exportContact': { summary: "A contact's data export (GDPR, audited)" },
  'admin.eraseContact': { summary: 'Erases a contact and what refers to it (GDPR)' },
  'admin.auditLog': {
    summary: 'The audit log, paged',
    query: object([], { page: { type: 'integer', minimum: 1 }, subjectId: stringType }),
  },
  'admin.outboxStats': { summary: 'Outbox counts per status and topic' },
  'admin.listOutbox': {
    summary: 'Outbox messages, filtered and paged',
    query: outboxListQuerySchema,
    data: objectList,
  },
  'admin.replayOutbox': {
    summary: 'Sends a dead-letter message again',
    params: { id: { type: 'integer', minimum: 1 } },
  },
  'admin.discardOutbox': {
    summary: 'Discards a pending or dead-letter message',
    params: { id: { type: 'integer', minimum: 1 } },
  },
  'admin.listEmails': {
    summary: 'Sent emails and their delivery events, paged',
    query: object([], { page: { type: 'integer', minimum: 1 } }),
  },
};
