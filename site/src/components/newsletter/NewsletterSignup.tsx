import { useEffect, useState, type FormEvent } from 'react';
import { newsletterStrings, CONSENT_TEXT_VERSION } from './strings';

interface Props {
  lang: string;
  cmsUrl: string;
}

interface Topic {
  slug: string;
  name: string;
  description: string | null;
}

type Status = 'idle' | 'sending' | 'sent' | 'failed';

/**
 * The newsletter signup island: the topics of this language from the CMS, the email, the consent,
 * the honeypot. POSTs to /api/newsletter/subscriptions (the CMS's form guard, rate limits and
 * validation apply); the answer is the same for a new and a known address.
 */
export function NewsletterSignup({ lang, cmsUrl }: Props) {
  const t = newsletterStrings(lang);
  const [topics, setTopics] = useState<Topic[] | null>(null);
  const [status, setStatus] = useState<Status>('idle');

  useEffect(() => {
    fetch(`${cmsUrl}/api/newsletter/topics?locale=${encodeURIComponent(lang)}`, {
      headers: { Accept: 'application/json' },
    })
      .then((response) => (response.ok ? response.json() : { data: [] }))
      .then((body) => setTopics(body.data ?? []))
      .catch(() => setTopics([]));
  }, [cmsUrl, lang]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setStatus('sending');
    const params = new URLSearchParams(window.location.search);
    const utm = Object.fromEntries(
      ['source', 'medium', 'campaign', 'term', 'content']
        .map((key) => [key, params.get(`utm_${key}`)?.slice(0, 200)])
        .filter(([, value]) => value),
    );
    try {
      const response = await fetch(`${cmsUrl}/api/newsletter/subscriptions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          email: String(form.get('email') ?? ''),
          locale: lang,
          topics: form.getAll('topics').map(String),
          consent: {
            dataProcessing: form.get('consent') === 'on',
            marketingEmail: form.get('consent') === 'on',
            textVersion: CONSENT_TEXT_VERSION,
          },
          website: String(form.get('website') ?? '') || undefined,
          ...(Object.keys(utm).length ? { utm } : {}),
          landingPage: window.location.href.split('?')[0].slice(0, 2000),
        }),
      });
      setStatus(response.status === 201 ? 'sent' : 'failed');
    } catch {
      setStatus('failed');
    }
  };

  if (status === 'sent')
    return (
      <p role="status" className="form-success" data-testid="newsletter-sent">
        {t.sent}
      </p>
    );
  if (topics !== null && topics.length === 0) return <p>{t.noTopics}</p>;
  return (
    <form className="newsletter-signup" onSubmit={submit} noValidate={false}>
      <p>{t.intro}</p>
      <fieldset>
        <legend>{t.topics}</legend>
        {(topics ?? []).map((topic) => (
          <label key={topic.slug} className="checkbox">
            <input type="checkbox" name="topics" value={topic.slug} /> {topic.name}
            {topic.description ? <small> — {topic.description}</small> : null}
          </label>
        ))}
      </fieldset>
      <label>
        {t.email}
        <input type="email" name="email" required maxLength={254} autoComplete="email" />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="consent" required /> {t.consent}
      </label>
      {/* honeypot: hidden from people, filled by bots */}
      <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px' }}>
        <input type="text" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      {status === 'failed' && (
        <p role="alert" className="form-error">
          {t.failed}
        </p>
      )}
      <button type="submit" disabled={status === 'sending' || topics === null}>
        {status === 'sending' ? t.sending : t.submit}
      </button>
    </form>
  );
}
