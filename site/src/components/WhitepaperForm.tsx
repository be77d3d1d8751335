import type { Locale } from '../consts';
import { WHITEPAPER_CONSENT_TEXT_VERSION, WHITEPAPER_FORM_STRINGS } from '../i18n/forms';
import { requirableFields, type LeadField } from '../lib/form-rules';
import { ConsentBoxes, LeadForm, useLeadForm } from './forms/kit';
import { LeadFields } from './forms/LeadFields';
import { provideIslandMessages, type IslandMessages } from '../i18n/messages';

interface Props {
  lang: Locale;
  /** the page's texts for this island (i18n/messages.ts islandMessages) */
  messages: IslandMessages;
  /** the CMS's public URL; the form posts to the whitepapers plugin */
  cmsUrl: string;
  /** the paper's document id and the contact fields its editor made required */
  whitepaper: string;
  requiredFields: string[];
}

/** Always offered; job title, phone and country only when the paper asks for them. */
const ALWAYS = ['email', 'firstName', 'lastName', 'company'] as const satisfies readonly LeadField[];
const ON_REQUEST = ['jobTitle', 'phone', 'country'] as const satisfies readonly LeadField[];

export function WhitepaperForm({ lang, cmsUrl, whitepaper, requiredFields, messages }: Props) {
  provideIslandMessages(messages);
  const form = useLeadForm(lang);
  const { t, status, fieldError } = form;
  const w = WHITEPAPER_FORM_STRINGS[lang];
  const required: LeadField[] = ['email', ...requirableFields(requiredFields)];
  const fields: LeadField[] = [...ALWAYS, ...ON_REQUEST.filter((field) => required.includes(field))];

  if (status.kind === 'sent') {
    const downloadUrl = typeof status.data.downloadUrl === 'string' ? status.data.downloadUrl : undefined;
    return (
      <div role="status" className="form-success">
        <p>{w.success}</p>
        {downloadUrl && (
          <p>
            <a href={downloadUrl} className="button">
              {w.download}
            </a>
          </p>
        )}
      </div>
    );
  }

  return (
    <LeadForm
      form={form}
      submitLabel={w.submit}
      onSubmit={(event) =>
        form.submit(event, {
          endpoint: `${cmsUrl}/api/whitepapers/requests`,
          fields,
          required,
          consentTextVersion: WHITEPAPER_CONSENT_TEXT_VERSION,
          notFoundMessage: w.notFound,
          extra: () => ({ whitepaper, locale: lang }),
        })
      }
    >
      <LeadFields form={form} fields={fields} required={required} />
      <ConsentBoxes
        dataProcessing={w.dataProcessing}
        marketingEmail={t.marketingEmail}
        version={WHITEPAPER_CONSENT_TEXT_VERSION}
        error={fieldError('dataProcessing')}
      />
    </LeadForm>
  );
}
