import { CONSENT_TEXT_VERSION } from '../i18n/forms';
import type { Locale } from '../consts';
import { ConsentBoxes, Field, LeadForm, useLeadForm } from './forms/kit';

interface Props {
  lang: Locale;
  /** the CMS's public URL; the form posts to its leads API */
  cmsUrl: string;
}

const FIELDS = ['email', 'firstName', 'lastName', 'company', 'message'] as const;
const REQUIRED = ['email', 'message'] as const;

export function ContactForm({ lang, cmsUrl }: Props) {
  const form = useLeadForm(lang);
  const { t, status, fieldError } = form;

  if (status.kind === 'sent') {
    return (
      <p role="status" className="form-success">
        {t.success}
      </p>
    );
  }

  return (
    <LeadForm
      form={form}
      submitLabel={t.submit}
      onSubmit={(event) =>
        form.submit(event, {
          endpoint: `${cmsUrl}/api/leads/submissions`,
          fields: FIELDS,
          required: REQUIRED,
          consentTextVersion: CONSENT_TEXT_VERSION,
          extra: () => ({ locale: lang }),
        })
      }
    >
      <Field
        name="email"
        label={t.email}
        error={fieldError('email')}
        type="email"
        required
        autoComplete="email"
        maxLength={254}
      />
      <Field
        name="firstName"
        label={t.firstName}
        error={fieldError('firstName')}
        optionalLabel={t.optional}
        autoComplete="given-name"
        maxLength={100}
      />
      <Field
        name="lastName"
        label={t.lastName}
        error={fieldError('lastName')}
        optionalLabel={t.optional}
        autoComplete="family-name"
        maxLength={100}
      />
      <Field
        name="company"
        label={t.company}
        error={fieldError('company')}
        optionalLabel={t.optional}
        autoComplete="organization"
        maxLength={150}
      />
      <Field
        name="message"
        label={t.message}
        error={fieldError('message')}
        multiline
        required
        maxLength={5000}
        rows={5}
      />
      <ConsentBoxes
        dataProcessing={t.dataProcessing}
        marketingEmail={t.marketingEmail}
        version={CONSENT_TEXT_VERSION}
        error={fieldError('dataProcessing')}
      />
    </LeadForm>
  );
}
