import { CONSENT_TEXT_VERSION } from '../i18n/forms';
import type { Locale } from '../consts';
import { ConsentBoxes, LeadForm, useLeadForm } from './forms/kit';
import { LeadFields } from './forms/LeadFields';
import { provideIslandMessages, type IslandMessages } from '../i18n/messages';

interface Props {
  lang: Locale;
  /** the page's texts for this island (i18n/messages.ts islandMessages) */
  messages: IslandMessages;
  /** the CMS's public URL; the form posts to its leads API */
  cmsUrl: string;
}

const FIELDS = ['email', 'firstName', 'lastName', 'company', 'message'] as const;
const REQUIRED = ['email', 'message'] as const;

export function ContactForm({ lang, cmsUrl, messages }: Props) {
  provideIslandMessages(messages);
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
      <LeadFields form={form} fields={FIELDS} required={REQUIRED} />
      <ConsentBoxes
        dataProcessing={t.dataProcessing}
        marketingEmail={t.marketingEmail}
        version={CONSENT_TEXT_VERSION}
        error={fieldError('dataProcessing')}
      />
    </LeadForm>
  );
}
