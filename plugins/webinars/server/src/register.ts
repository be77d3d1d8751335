import type { Core } from '@strapi/strapi';
import { renderWebinarEmail, TEMPLATES, WEBINAR_EMAIL_LOCALES, type TemplateKey } from './domain/emails';

/** The webinar emails join the leads core's templates before any outbox row is delivered. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const email = strapi.plugin('leads').service('email');
  for (const key of Object.keys(TEMPLATES) as TemplateKey[]) {
    email.registerTemplate(TEMPLATES[key], (locale: string, data: any, kit: any) => renderWebinarEmail(key, locale, data, kit), WEBINAR_EMAIL_LOCALES);
  }
};
