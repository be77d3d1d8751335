import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../consts';
import { EMAIL_LINK_STRINGS, LINK_OUTCOMES } from '../i18n/forms';
import { provideIslandMessages, type IslandMessages } from '../i18n/messages';

interface Props {
  lang: Locale;
  /** the page's texts for this island (i18n/messages.ts islandMessages) */
  messages: IslandMessages;
  cmsUrl: string;
  action: 'confirm' | 'unsubscribe';
}

type View =
  | { kind: 'ready' }
  | { kind: 'sending' }
  | { kind: 'done' }
  | { kind: 'invalid' }
  | { kind: 'failed' }
  | { kind: 'no-token' };

const OUTCOME = { confirm: 'subscription-confirmed', unsubscribe: 'unsubscribed' } as const;

/**
 * The one button behind an email link (double opt-in, unsubscribe). Mail scanners open every link
 * in an email; only a person presses the button, which POSTs the token from this page's URL to the
 * CMS (the CMS's GET on the same link never acts). The token then leaves the address bar.
 */
export function EmailLinkAction({ lang, cmsUrl, action, messages }: Props) {
  provideIslandMessages(messages);
  const t = EMAIL_LINK_STRINGS[action][lang];
  const common = EMAIL_LINK_STRINGS.common[lang];
  const [token, setToken] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'ready' });
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const found = new URLSearchParams(window.location.search).get('token');
    if (!found) return setView({ kind: 'no-token' });
    setToken(found);
    // the token is a capability: keep it out of the address bar, history and other scripts' reach
    window.history.replaceState(null, '', window.location.pathname);
  }, []);

  useEffect(() => {
    if (view.kind === 'done' || view.kind === 'invalid') messageRef.current?.focus();
  }, [view]);

  const press = async () => {
    setView({ kind: 'sending' });
    try {
      const response = await fetch(`${cmsUrl}/api/leads/${action}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token }),
      });
      if (response.ok) return setView({ kind: 'done' });
      setView(response.status === 400 ? { kind: 'invalid' } : { kind: 'failed' });
    } catch {
      setView({ kind: 'failed' });
    }
  };

  if (view.kind === 'no-token') return <p role="alert">{common.noToken}</p>;
  if (view.kind === 'done' || view.kind === 'invalid') {
    const outcome = LINK_OUTCOMES[view.kind === 'done' ? OUTCOME[action] : 'link-invalid'][lang];
    return (
      <div
        role="status"
        className={view.kind === 'done' ? 'form-success' : 'form-error'}
        ref={messageRef}
        tabIndex={-1}
      >
        <p>
          <strong>{outcome.title}</strong>
        </p>
        <p>{outcome.body}</p>
      </div>
    );
  }
  return (
    <div className="email-link-action">
      <p>{t.body}</p>
      {view.kind === 'failed' && (
        <p role="alert" className="form-error">
          {common.failed}
        </p>
      )}
      <p className="actions">
        <button type="button" onClick={press} disabled={!token || view.kind === 'sending'}>
          {view.kind === 'sending' ? common.sending : t.button}
        </button>
      </p>
    </div>
  );
}
