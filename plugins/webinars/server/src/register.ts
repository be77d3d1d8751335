import type { Core } from '@strapi/strapi';
import type { EmailKit } from '@magnetiq/plugin-leads/contract';
import {
  renderWebinarEmail,
  TEMPLATES,
  WEBINAR_EMAIL_LOCALES,
  type TemplateKey,
  type WebinarEmailData,
} from './domain/emails';
import { leads } from './utils';

/** The webinar emails join the leads core's templates before any outbox row is delivered. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const email = leads(strapi).email;
  for (const key of Object.keys(TEMPLATES) as TemplateKey[]) {
    email.registerTemplate(
      TEMPLATES[key],
      (locale: string, data: WebinarEmailData, kit: EmailKit) => renderWebinarEmail(key, locale, data, kit),
      WEBINAR_EMAIL_LOCALES,
    );
  }
};
