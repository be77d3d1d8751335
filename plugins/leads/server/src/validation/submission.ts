import { yup } from '@strapi/utils';
import { strictValidator } from './strict';
import { leadFormFields, utmFields } from '@magnetiq/plugin-kit/server';
import { MAX_LOCALE_LENGTH } from '../domain/locales';

export const utmSchema = yup.object(utmFields()).noUnknown().strict().default(undefined).optional();

const { consent, utm: _utm, referrer, landingPage, website, ...contactFields } = leadFormFields();

/** The fields every lead form shares (the kit's lead form fields, with the language of the request); webinars extends it. */
export const leadFields = {
  ...contactFields,
  // The shape only: the `locales` service checks the code against the configured locales and
  // fills in the default (docs/adr/0022-locales-as-data.md).
  locale: yup.string().trim().max(MAX_LOCALE_LENGTH).optional(),
  /** deprecated name of `locale` (docs/api.md), accepted for one release */
  language: yup.string().trim().max(MAX_LOCALE_LENGTH).optional(),
  consent,
  utm: utmSchema,
  referrer,
  landingPage,
  website,
};

export const contactSubmissionSchema = yup
  .object({
    ...leadFields,
    message: yup.string().trim().required().min(1).max(5000),
  })
  .noUnknown()
  .required();

export type ContactSubmission = yup.InferType<typeof contactSubmissionSchema>;

export const validateContactSubmission = strictValidator<ContactSubmission>(contactSubmissionSchema);
