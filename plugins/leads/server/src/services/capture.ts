import type { Core } from '@strapi/strapi';
import { normaliseEmail } from '../domain/email-address';
import { keyedHash, signToken } from '../domain/tokens';
import type { EmailLocale } from '../domain/email-templates';
import { getConfig, getService, newDocumentId, TABLE, UID } from '../utils';
import { insertWithLink } from '../utils/linked-insert';
import { EMAIL_TOPIC, type EmailPayload } from './email';
import type { OutboxMessage } from './outbox';

export const ODOO_TOPIC = 'odoo.upsert-lead';

export interface LeadInput {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  jobTitle?: string | null;
  phone?: string | null;
  country?: string | null;
  language?: EmailLocale;
  consent: { dataProcessing: boolean; marketingEmail?: boolean; textVersion: string };
  utm?: { source?: string | null; medium?: string | null; campaign?: string | null; term?: string | null; content?: string | null } | null;
  referrer?: string | null;
  landingPage?: string | null;
  /** the form or plugin that captured the lead, e.g. "contact-form" */
  source: string;
  activity: { type: string; reference?: string; title?: string; details?: Record<string, unknown> };
  /** free text from the visitor (contact form message), for sales */
  message?: string | null;
}

export interface CaptureContext {
  ip?: string;
  userAgent?: string;
  /** extra outbox messages written in the same transaction (e.g. the plugin's own email) */
  outbox?: (lead: CapturedLead) => OutboxMessage[];
  /** send the visitor the contact-form receipt */
  sendReceipt?: boolean;
}

export interface CapturedLead {
  contactId: number;
  contactDocumentId: string;
  activityId: number;
  activityDocumentId: string;
  /** true when the contact must still confirm marketing emails (double opt-in) */
  confirmationSent: boolean;
}

const clean = (value?: string | null) => (value === undefined || value === null || value.trim() === '' ? null : value.trim());

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Everything about one lead in one transaction: contact upsert (one per normalised email),
   * consent rows, the activity, and outbox rows for email and Odoo. Nothing external is called
   * here; the outbox worker delivers after commit. Joins the caller's transaction if there is one.
   */
  async captureLead(input: LeadInput, context: CaptureContext = {}): Promise<CapturedLead> {
    const config = getConfig(strapi);
    const email = normaliseEmail(input.email);
    const language: EmailLocale = input.language === 'de' ? 'de' : 'en';
    const now = new Date();
    const ipHash = context.ip ? keyedHash(context.ip, config.tokenSecret) : null;
    const userAgent = context.userAgent ? context.userAgent.slice(0, 500) : null;

    return strapi.db.transaction(async ({ trx }) => {
      const knex = strapi.db.connection;
      const fields = {
        first_name: clean(input.firstName),
        last_name: clean(input.lastName),
        company: clean(input.company),
        job_title: clean(input.jobTitle),
        phone: clean(input.phone),
        country: clean(input.country),
        language,
      };
      // Newer non-empty values win; empty ones never erase what we know.
      const merge: Record<string, unknown> = { updated_at: now, last_activity_at: now };
      for (const column of Object.keys(fields)) {
        merge[column] = knex.raw(`coalesce(excluded.??, ??.??)`, [column, TABLE.contact, column]);
      }
      const [contact] = await knex(TABLE.contact)
        .transacting(trx)
        .insert({ document_id: newDocumentId(), email, ...fields, status: 'new', created_at: now, updated_at: now, published_at: now, last_activity_at: now })
        .onConflict('email')
        .merge(merge)
        .returning(['id', 'document_id', 'status']);

      const wantsMarketing = input.consent.marketingEmail === true;
      const needsConfirmation = wantsMarketing && contact.status !== 'confirmed';
      const consentRow = (purpose: string, action: string) => ({
        purpose,
        action,
        text_version: input.consent.textVersion,
        source: input.source,
        recorded_at: now,
        ip_hash: ipHash,
        user_agent: userAgent,
      });
      const consents = [consentRow('data-processing', 'granted')];
      if (wantsMarketing) consents.push(consentRow('marketing-email', contact.status === 'confirmed' ? 'granted' : 'requested'));
      await insertWithLink(strapi, trx, UID.consent, 'contact', contact.id, consents);

      const [activity] = await insertWithLink(strapi, trx, UID.activity, 'contact', contact.id, [
        {
          type: input.activity.type,
          reference: input.activity.reference ?? null,
          title: input.activity.title ?? null,
          details: JSON.stringify({ ...(input.activity.details ?? {}), ...(input.message ? { message: input.message } : {}) }),
          utm_source: clean(input.utm?.source),
          utm_medium: clean(input.utm?.medium),
          utm_campaign: clean(input.utm?.campaign),
          utm_term: clean(input.utm?.term),
          utm_content: clean(input.utm?.content),
          referrer: clean(input.referrer),
          landing_page: clean(input.landingPage),
          language,
          occurred_at: now,
        },
      ]);

      const lead: CapturedLead = {
        contactId: contact.id,
        contactDocumentId: contact.document_id,
        activityId: activity.id,
        activityDocumentId: activity.document_id,
        confirmationSent: needsConfirmation,
      };

      const messages: OutboxMessage[] = [];
      const emailMessage = (key: string, payload: EmailPayload): OutboxMessage => ({
        topic: EMAIL_TOPIC,
        idempotencyKey: `email:${payload.template}:${key}`,
        payload: payload as unknown as Record<string, unknown>,
        contactId: contact.id,
      });
      if (needsConfirmation) {
        const expiresAt = new Date(now.getTime() + config.confirmationTtlHours * 3600 * 1000);
        const token = signToken({ purpose: 'confirm', subject: contact.document_id, expiresAt }, config.tokenSecret);
        messages.push(
          emailMessage(activity.document_id, {
            template: 'confirm-subscription',
            locale: language,
            to: email,
            contact: contact.document_id,
            data: { firstName: fields.first_name ?? undefined, confirmUrl: `${config.publicUrl}/api/leads/confirm?token=${token}` },
          })
        );
      }
      if (context.sendReceipt) {
        messages.push(
          emailMessage(activity.document_id, {
            template: 'contact-receipt',
            locale: language,
            to: email,
            data: { firstName: fields.first_name ?? undefined, message: input.message ?? '' },
          })
        );
      }
      if (config.sendgrid.salesNotify) {
        const name = [fields.first_name, fields.last_name].filter(Boolean).join(' ');
        const utm = [input.utm?.source, input.utm?.medium, input.utm?.campaign].filter(Boolean).join(' / ');
        messages.push(
          emailMessage(activity.document_id, {
            template: 'sales-notification',
            locale: 'en',
            to: config.sendgrid.salesNotify,
            data: {
              message: input.message ?? '',
              lead: { email, name: name || undefined, company: fields.company ?? undefined, jobTitle: fields.job_title ?? undefined, phone: fields.phone ?? undefined, source: `${input.source}: ${input.activity.title ?? input.activity.type}`, utm: utm || undefined },
            },
          })
        );
      }
      messages.push({
        topic: ODOO_TOPIC,
        idempotencyKey: `odoo:${activity.document_id}`,
        contactId: contact.id,
        payload: {
          contact: contact.document_id,
          activity: activity.document_id,
          source: input.source,
          type: input.activity.type,
          reference: input.activity.reference ?? null,
          title: input.activity.title ?? null,
        },
      });
      messages.push(...(context.outbox?.(lead) ?? []));
      await getService(strapi, 'outbox').enqueue(messages);
      return lead;
    });
  },
});
