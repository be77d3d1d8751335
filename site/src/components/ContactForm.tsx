import { useState, type FormEvent } from 'react';
import { CONSENT_TEXT_VERSION, FORM_STRINGS } from '../i18n/forms';
import type { Locale } from '../consts';

interface Props {
  lang: Locale;
  /** the CMS's public URL; the form posts to its leads API */
  cmsUrl: string;
}

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'error'; message: string; fields: Record<string, string> };

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** UTM parameters of the landing URL, so the lead's campaign reaches the CRM. */
function utmFromLocation(): Record<string, string> | undefined {
  const params = new URLSearchParams(window.location.search);
  const utm = Object.fromEntries(UTM_KEYS.flatMap((key) => (params.get(`utm_${key}`) ? [[key, params.get(`utm_${key}`)!.slice(0, 200)]] : [])));
  return Object.keys(utm).length > 0 ? utm : undefined;
}

export function ContactForm({ lang, cmsUrl }: Props) {
  const t = FORM_STRINGS[lang];
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const body = {
      email: text('email'),
      firstName: text('firstName'),
      lastName: text('lastName'),
      company: text('company'),
      message: text('message'),
      language: lang,
      consent: { dataProcessing: form.get('dataProcessing') === 'on', marketingEmail: form.get('marketingEmail') === 'on', textVersion: CONSENT_TEXT_VERSION },
      utm: utmFromLocation(),
      referrer: document.referrer || undefined,
      landingPage: window.location.href.slice(0, 2000),
      website: text('website'),
    };
    setStatus({ kind: 'sending' });
    try {
      const response = await fetch(`${cmsUrl}/api/leads/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status === 201) return setStatus({ kind: 'sent' });
      if (response.status === 429) return setStatus({ kind: 'error', message: t.tooMany, fields: {} });
      if (response.status === 400) {
        const payload = await response.json().catch(() => null);
        const fields: Record<string, string> = {};
        for (const error of payload?.error?.details?.errors ?? []) fields[error.path.join('.')] = error.message;
        return setStatus({ kind: 'error', message: t.invalid, fields });
      }
      setStatus({ kind: 'error', message: t.failed, fields: {} });
    } catch {
      setStatus({ kind: 'error', message: t.failed, fields: {} });
    }
  }

  if (status.kind === 'sent') {
    return (
      <p role="status" className="form-success">
        {t.success}
      </p>
    );
  }

  const fieldError = (name: string) => (status.kind === 'error' ? status.fields[name] : undefined);
  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <label className="field">
      <span>{label}</span>
      <input name={name} aria-invalid={fieldError(name) ? true : undefined} {...props} />
      {fieldError(name) && <span className="field-error">{fieldError(name)}</span>}
    </label>
  );

  return (
    <form onSubmit={onSubmit} noValidate={false} aria-busy={status.kind === 'sending'}>
      {field('email', t.email, { type: 'email', required: true, autoComplete: 'email', maxLength: 254 })}
      {field('firstName', t.firstName, { autoComplete: 'given-name', maxLength: 100 })}
      {field('lastName', t.lastName, { autoComplete: 'family-name', maxLength: 100 })}
      {field('company', t.company, { autoComplete: 'organization', maxLength: 150 })}
      <label className="field">
        <span>{t.message}</span>
        <textarea name="message" required maxLength={5000} rows={5} aria-invalid={fieldError('message') ? true : undefined} />
        {fieldError('message') && <span className="field-error">{fieldError('message')}</span>}
      </label>
      {/* Honeypot: invisible to people, filled in by bots. */}
      <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px' }}>
        <label>
          Website <input name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" name="dataProcessing" required /> {t.dataProcessing}
      </label>
      <label className="check">
        <input type="checkbox" name="marketingEmail" /> {t.marketingEmail}
      </label>
      {status.kind === 'error' && (
        <p role="alert" className="form-error">
          {status.message}
        </p>
      )}
      <button type="submit" disabled={status.kind === 'sending'}>
        {status.kind === 'sending' ? t.sending : t.submit}
      </button>
    </form>
  );
}
