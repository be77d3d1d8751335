import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { verifyLink } from '../domain/links';
import type { SignupInput } from '../validation/public';
import { getService, leads, SIGNUP_ACTIVITY, TABLE, tokenSecret } from '../utils';

export interface Visitor {
  ip?: string;
  userAgent?: string;
}

const linkError = (reason: string) =>
  reason === 'unknown'
    ? new errors.NotFoundError('This link is no longer valid')
    : new errors.ForbiddenError('This link is not valid');

const unknownTopics = (slugs: string[]) =>
  new errors.ValidationError('Unknown topic', {
    errors: slugs.map((slug) => ({
      path: ['topics'],
      message: `no topic ${slug} in this language`,
      name: 'ValidationError',
      value: slug,
      code: 'unknown-topic',
    })),
  });

/** a@example.com → a***@example.com: the page shows whose preferences these are without the whole address */
const maskEmail = (email: string) => {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
};

/**
 * Subscribers are the leads core's contacts with confirmed marketing consent; this plugin keeps
 * which topics each chose. Every choice is a consent record in the core (append-only evidence).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  const contactFromToken = async (token: unknown) => {
    const verdict = verifyLink(token, 'preferences', tokenSecret(strapi));
    if (!verdict.ok) throw linkError(verdict.reason);
    const contact = await leads(strapi).contacts.get(verdict.payload.s);
    if (!contact || contact.status === 'erased') throw linkError('unknown');
    return contact;
  };

  const subscribedTopics = async (contactId: number) =>
    knex()(`${TABLE.subscriptions} as s`)
      .join(`${TABLE.topics} as t`, 't.id', 's.topic_id')
      .where('s.contact_id', contactId)
      .select('t.id', 't.slug', 't.locale', 't.name');

  const record = (
    contact: string,
    action: 'requested' | 'granted' | 'withdrawn',
    what: string,
    source: string,
    visitor: Visitor,
  ) => leads(strapi).marketing.recordChoice(contact, { action, textVersion: what, source, ...visitor });

  return {
    /** POST /subscriptions: a lead with marketing consent (double opt-in by the core) and the chosen topics. */
    async signup(input: SignupInput & { locale: string }, visitor: Visitor) {
      const slugs = [...new Set(input.topics)];
      const topics = await getService(strapi, 'topics').bySlugs(input.locale, slugs);
      if (topics.length !== slugs.length)
        throw unknownTopics(slugs.filter((slug) => !topics.some((t) => t.slug === slug)));
      const captured = await leads(strapi).capture.captureLead(
        {
          email: input.email,
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          company: input.company ?? null,
          jobTitle: input.jobTitle ?? null,
          phone: input.phone ?? null,
          country: input.country ?? null,
          language: input.locale,
          consent: { dataProcessing: true, marketingEmail: true, textVersion: input.consent.textVersion },
          utm: input.utm ?? null,
          referrer: input.referrer ?? null,
          landingPage: input.landingPage ?? null,
          source: SIGNUP_ACTIVITY,
          activity: { type: SIGNUP_ACTIVITY, reference: slugs.join(',').slice(0, 200), title: 'Newsletter signup' },
        },
        visitor,
      );
      await knex()(TABLE.subscriptions)
        .insert(topics.map((topic) => ({ contact_id: captured.contactId, topic_id: topic.id })))
        .onConflict(['contact_id', 'topic_id'])
        .ignore();
      for (const topic of topics)
        await record(
          captured.contactDocumentId,
          'requested',
          `newsletter-topic:${topic.slug}`,
          SIGNUP_ACTIVITY,
          visitor,
        );
      return { confirmationSent: captured.confirmationSent };
    },

    /** GET /preferences?token=: what the preference centre shows. */
    async read(token: unknown) {
      const contact = await contactFromToken(token);
      const language = contact.language ?? (await leads(strapi).locales.defaultLocale());
      const chosen = await subscribedTopics(contact.id);
      const offered = await getService(strapi, 'topics').list(language);
      const topics = [
        ...offered.map((topic) => ({
          slug: topic.slug,
          name: topic.name,
          description: topic.description,
          subscribed: chosen.some((c) => c.id === topic.id),
        })),
        // chosen in another language: shown so they can be left too
        ...chosen
          .filter((c) => !offered.some((topic) => topic.id === c.id))
          .map((c) => ({ slug: c.slug, name: `${c.name} (${c.locale})`, description: null, subscribed: true })),
      ];
      return {
        email: maskEmail(contact.email),
        language,
        subscribed: contact.status === 'confirmed',
        status:
          contact.status === 'confirmed'
            ? 'subscribed'
            : contact.status === 'unsubscribed'
              ? 'unsubscribed'
              : 'pending',
        topics,
      };
    },

    /** POST /preferences: topics, language, or unsubscribe from all; each change a consent record. */
    async update(
      body: { token: string; topics?: string[]; language?: string; unsubscribeAll?: boolean },
      visitor: Visitor,
    ) {
      const contact = await contactFromToken(body.token);
      const source = 'newsletter-preferences';
      if (body.unsubscribeAll) {
        const chosen = await subscribedTopics(contact.id);
        await knex()(TABLE.subscriptions).where({ contact_id: contact.id }).delete();
        for (const topic of chosen)
          await record(contact.documentId, 'withdrawn', `newsletter-topic:${topic.slug}`, source, visitor);
        await leads(strapi).marketing.withdraw(contact.documentId, source);
        return this.read(body.token);
      }
      let language = contact.language ?? (await leads(strapi).locales.defaultLocale());
      if (body.language !== undefined && body.language !== language) {
        language = await leads(strapi).locales.resolve(body.language, 'language');
        await leads(strapi).marketing.setLanguage(contact.documentId, language);
        await record(contact.documentId, 'granted', `newsletter-language:${language}`, source, visitor);
      }
      if (body.topics !== undefined) {
        if (contact.status === 'unsubscribed' && body.topics.length > 0)
          throw new errors.ApplicationError('You unsubscribed from all emails: sign up again to choose topics', {
            errors: [
              {
                path: ['topics'],
                message: 'unsubscribed: sign up again',
                name: 'ApplicationError',
                value: null,
                code: 'unsubscribed',
              },
            ],
          });
        const slugs = [...new Set(body.topics)];
        const wanted = await getService(strapi, 'topics').bySlugs(language, slugs);
        if (wanted.length !== slugs.length)
          throw unknownTopics(slugs.filter((slug) => !wanted.some((t) => t.slug === slug)));
        const chosen = await subscribedTopics(contact.id);
        // the topics of other languages are kept unless the reader leaves them here (they are listed too)
        const removed = chosen.filter(
          (c) => !wanted.some((w) => w.id === c.id) && (c.locale === language || !slugs.includes(c.slug)),
        );
        const added = wanted.filter((w) => !chosen.some((c) => c.id === w.id));
        await strapi.db.connection.transaction(async (trx) => {
          if (removed.length)
            await trx(TABLE.subscriptions)
              .where({ contact_id: contact.id })
              .whereIn(
                'topic_id',
                removed.map((topic) => topic.id),
              )
              .delete();
          if (added.length)
            await trx(TABLE.subscriptions)
              .insert(added.map((topic) => ({ contact_id: contact.id, topic_id: topic.id })))
              .onConflict(['contact_id', 'topic_id'])
              .ignore();
        });
        for (const topic of removed)
          await record(contact.documentId, 'withdrawn', `newsletter-topic:${topic.slug}`, source, visitor);
        for (const topic of added)
          await record(contact.documentId, 'granted', `newsletter-topic:${topic.slug}`, source, visitor);
      }
      return this.read(body.token);
    },

    /** POST /unsubscribe (RFC 8058 one-click): withdraws marketing email at once. Idempotent. */
    async oneClick(token: unknown) {
      const verdict = verifyLink(token, 'unsubscribe', tokenSecret(strapi));
      if (!verdict.ok) throw linkError(verdict.reason);
      const contact = await leads(strapi).contacts.get(verdict.payload.s);
      if (!contact || contact.status === 'erased') throw linkError('unknown');
      const campaign = Number(verdict.payload.x?.c);
      await leads(strapi).marketing.withdraw(contact.documentId, 'list-unsubscribe-one-click');
      if (Number.isSafeInteger(campaign))
        await knex()(TABLE.recipients)
          .where({ campaign_id: campaign, contact_id: contact.id })
          .whereNull('unsubscribed_at')
          .update({ unsubscribed_at: new Date() });
      return { unsubscribed: true };
    },
  };
};
