import { useEffect, useState, type FormEvent } from 'react';
import { newsletterStrings } from './strings';

interface Props {
  lang: string;
  cmsUrl: string;
  /** the site's languages, for the language choice */
  locales: string[];
}

interface Preferences {
  email: string;
  language: string;
  subscribed: boolean;
  status: 'subscribed' | 'unsubscribed' | 'pending';
  topics: Array<{ slug: string; name: string; description: string | null; subscribed: boolean }>;
}

type View =
  | { kind: 'loading' }
  | { kind: 'no-token' }
  | { kind: 'invalid' }
  | { kind: 'ready'; saved?: boolean; failed?: boolean };

/**
 * The preference centre behind every newsletter's signed link: topics, language, unsubscribe from
 * all. Reading changes nothing (GET); every change is a POST a person makes with a button. The
 * token leaves the address bar at once (a capability, docs/adr/0027).
 */
export function NewsletterPreferences({ lang, cmsUrl, locales }: Props) {
  const t = newsletterStrings(lang);
  const [token, setToken] = useState<string | null>(null);
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [askUnsubscribe, setAskUnsubscribe] = useState(false);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const found = params.get('token');
    setAskUnsubscribe(params.get('action') === 'unsubscribe');
    if (!found) return setView({ kind: 'no-token' });
    window.history.replaceState(null, '', window.location.pathname);
    setToken(found);
    fetch(`${cmsUrl}/api/newsletter/preferences?token=${encodeURIComponent(found)}`, {
      headers: { Accept: 'application/json' },
    })
      .then(async (response) => {
        if (!response.ok) return setView({ kind: 'invalid' });
        setPrefs((await response.json()).data);
        setView({ kind: 'ready' });
      })
      .catch(() => setView({ kind: 'invalid' }));
  }, [cmsUrl]);

  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(`${cmsUrl}/api/newsletter/preferences`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token, ...body }),
    }).catch(() => null);
    if (!response?.ok) return setView({ kind: 'ready', failed: true });
    setPrefs((await response.json()).data);
    setView({ kind: 'ready', saved: true });
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void post({ topics: form.getAll('topics').map(String), language: String(form.get('language') ?? lang) });
  };

  if (view.kind === 'no-token') return <p role="alert">{t.noToken}</p>;
  if (view.kind === 'invalid')
    return (
      <p role="alert" className="form-error">
        {t.invalid}
      </p>
    );
  if (view.kind === 'loading' || !prefs) return <p aria-busy="true">…</p>;
  if (prefs.status === 'unsubscribed')
    return (
      <p role="status" className="form-success" data-testid="newsletter-unsubscribed">
        {t.unsubscribed}
      </p>
    );
  return (
    <div className="newsletter-preferences">
      <p>
        {t.prefsFor} <strong>{prefs.email}</strong>
      </p>
      <form onSubmit={save}>
        <fieldset>
          <legend>{t.topics}</legend>
          {prefs.topics.map((topic) => (
            <label key={topic.slug} className="checkbox">
              <input type="checkbox" name="topics" value={topic.slug} defaultChecked={topic.subscribed} /> {topic.name}
            </label>
          ))}
        </fieldset>
        <label>
          {t.language}
          <select name="language" defaultValue={prefs.language}>
            {locales.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        {view.saved && (
          <p role="status" className="form-success">
            {t.saved}
          </p>
        )}
        {view.failed && (
          <p role="alert" className="form-error">
            {t.failed}
          </p>
        )}
        <button type="submit">{t.save}</button>
      </form>
      <p>
        <button
          type="button"
          className={askUnsubscribe ? 'button-primary' : 'button-secondary'}
          onClick={() => void post({ unsubscribeAll: true })}
        >
          {t.unsubscribeAll}
        </button>
      </p>
    </div>
  );
}
