import type { Core } from '@strapi/strapi';
import { normaliseEmail } from '../domain/email-address';
import { keyedHash } from '@magnetiq/plugin-kit/server';
import { getConfig, getService, newDocumentId, UID } from '../utils';
import { captureStatement, type CaptureRow, type PlannedMessage } from './capture-statement';
import { EMAIL_TOPIC, type EmailPayload } from './email';

import type { CaptureContext, CapturedLead, LeadInput } from '../contract';

/** The capture's types are the leads contract's (contract.ts). */
export type { CaptureContext, CapturedLead, LeadInput };

const clean = (value?: string | null) =>
  value === undefined || value === null || value.trim() === '' ? null : value.trim();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Everything about one lead in one transaction: contact upsert (one per normalised email),
   * consent rows, the activity, and outbox rows for email and the lead.captured subscribers. Nothing external is called
   * here; the outbox worker delivers after commit. Joins the caller's transaction if there is one.
   */
  async captureLead(input: LeadInput, context: CaptureContext = {}): Promise<CapturedLead> {
    const config = getConfig(strapi);
    const email = normaliseEmail(input.email);
    const defaultLocale = await getService(strapi, 'locales').defaultLocale();
    const language = input.language || defaultLocale;
    const now = new Date();
    const fields = {
      first_name: clean(input.firstName),
      last_name: clean(input.lastName),
      company: clean(input.company),
      job_title: clean(input.jobTitle),
      phone: clean(input.phone),
      country: clean(input.country),
      language,
    };
    const activityDocumentId = newDocumentId();
    // What the visitor typed, kept on the activity: a confirmed contact's own fields are not
    // overwritten by a public form (docs/adr/0014-contact-identity.md), so this is where sales see it.
    const typedEntries = Object.entries({
      firstName: fields.first_name,
      lastName: fields.last_name,
      company: fields.company,
      jobTitle: fields.job_title,
      phone: fields.phone,
      country: fields.country,
    }).filter(([, value]) => value !== null);
    const typed = typedEntries.length > 0 ? Object.fromEntries(typedEntries) : null;

    // Outbox rows are known before the contact is: the ones that name the contact get its
    // document id filled in by the statement; the confirmation is dropped if already confirmed.
    const messages: PlannedMessage[] = [];
    const addEmail = (
      template: EmailPayload['template'],
      payload: Omit<EmailPayload, 'template'>,
      options: Partial<PlannedMessage> = {},
    ) =>
      messages.push({
        topic: EMAIL_TOPIC,
        idempotencyKey: `email:${template}:${activityDocumentId}`,
        payload: { template, ...payload },
        ...options,
      });
    const wantsMarketing = input.consent.marketingEmail === true;
    if (wantsMarketing) {
      // the link is signed when the email is sent (email service), so its lifetime starts then
      addEmail(
        'confirm-subscription',
        { locale: language, to: email, data: { firstName: fields.first_name ?? undefined } },
        { withContact: true, unlessConfirmed: true },
      );
    }
    if (context.sendReceipt) {
      // to an unverified address: none of the visitor's text (see the template)
      addEmail('contact-receipt', { locale: language, to: email, data: {} });
    }
    if (config.sendgrid.salesNotify) {
      const name = [fields.first_name, fields.last_name].filter(Boolean).join(' ');
      const utm = [input.utm?.source, input.utm?.medium, input.utm?.campaign].filter(Boolean).join(' / ');
      addEmail('sales-notification', {
        // for the team: the site's default language (the email service falls back to a translated one)
        locale: defaultLocale,
        to: config.sendgrid.salesNotify,
        data: {
          message: input.message ?? '',
          lead: {
            email,
            name: name || undefined,
            company: fields.company ?? undefined,
            jobTitle: fields.job_title ?? undefined,
            phone: fields.phone ?? undefined,
            source: `${input.source}: ${input.activity.title ?? input.activity.type}`,
            utm: utm || undefined,
          },
        },
      });
    }
    // lead.captured: the subscribers' messages (e.g. a CRM sync) go into the same statement
    const event = {
      activity: activityDocumentId,
      source: input.source,
      type: input.activity.type,
      reference: input.activity.reference ?? null,
      title: input.activity.title ?? null,
    };
    for (const message of getService(strapi, 'events').leadCaptured(event))
      messages.push({ ...message, withContact: true });

    const statement = captureStatement(strapi, {
      now,
      contact: { document_id: newDocumentId(), email, ...fields },
      consents: [
        { purpose: 'data-processing', action: 'granted' },
        ...(wantsMarketing ? [{ purpose: 'marketing-email', action: 'requested', grantedIfConfirmed: true }] : []),
      ].map((consent) => ({
        ...consent,
        text_version: input.consent.textVersion,
        source: input.source,
        ip_hash: context.ip ? keyedHash(context.ip, config.tokenSecret) : null,
        user_agent: context.userAgent ? context.userAgent.slice(0, 500) : null,
      })),
      activity: {
        document_id: activityDocumentId,
        type: input.activity.type,
        reference: input.activity.reference ?? null,
        title: input.activity.title ?? null,
        details: JSON.stringify({
          ...(input.activity.details ?? {}),
          ...(input.message ? { message: input.message } : {}),
          ...(typed ? { submitted: typed } : {}),
        }),
        utm_source: clean(input.utm?.source),
        utm_medium: clean(input.utm?.medium),
        utm_campaign: clean(input.utm?.campaign),
        utm_term: clean(input.utm?.term),
        utm_content: clean(input.utm?.content),
        referrer: clean(input.referrer),
        landing_page: clean(input.landingPage),
        language,
      },
      messages,
    });

    const toLead = (row: CaptureRow): CapturedLead => ({
      contactId: row.contact_id,
      contactDocumentId: row.contact_document_id,
      activityId: row.activity_id,
      activityDocumentId,
      confirmationSent: wantsMarketing && row.contact_status !== 'confirmed',
    });

    // One statement is atomic on its own: the common case (the contact form) needs no
    // explicit transaction. A caller's transaction or extra outbox rows make it join one.
    if (!context.outbox && !strapi.db.inTransaction()) return toLead((await statement).rows[0]);
    return strapi.db.transaction(async ({ trx }) => {
      const lead = toLead((await statement.transacting(trx)).rows[0]);
      await getService(strapi, 'outbox').enqueue(context.outbox?.(lead) ?? []);
      return lead;
    });
  },

  /**
   * A later activity of a known contact that is not a new form (no consent is given): e.g. the
   * webinar attendance an editor marks. Writes the activity and publishes lead.captured, so
   * odoo-sync updates the contact's lead. Joins the caller's transaction. Null for an unknown or erased contact.
   */
  async recordActivity(
    contactDocumentId: string,
    activity: LeadInput['activity'] & { source: string },
  ): Promise<{ activityDocumentId: string } | null> {
    return strapi.db.transaction(async () => {
      const contact = await strapi.db
        .query(UID.contact)
        .findOne({ where: { documentId: contactDocumentId }, select: ['id', 'documentId', 'status', 'language'] });
      if (!contact || contact.status === 'erased') return null;
      const now = new Date();
      const created = await strapi.db.query(UID.activity).create({
        data: {
          contact: contact.id,
          type: activity.type,
          reference: activity.reference ?? null,
          title: activity.title ?? null,
          details: activity.details ?? {},
          language: contact.language,
          occurredAt: now,
        },
      });
      await strapi.db.query(UID.contact).update({ where: { id: contact.id }, data: { lastActivityAt: now } });
      const event = {
        activity: created.documentId,
        contact: contact.documentId,
        source: activity.source,
        type: activity.type,
        reference: activity.reference ?? null,
        title: activity.title ?? null,
      };
      await getService(strapi, 'outbox').enqueue(
        getService(strapi, 'events')
          .leadCaptured(event)
          .map((message) => ({ ...message, contactId: contact.id })),
      );
      return { activityDocumentId: created.documentId as string };
    });
  },
});
