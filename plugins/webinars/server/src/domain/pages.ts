/**
 * The small HTML pages behind the cancel link of the emails. A GET never cancels (mail
 * scanners open links): it shows a button that POSTs the token back. Every value is escaped.
 */
export type CancelPageState = 'confirm' | 'cancelled' | 'invalid' | 'closed';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const copy = {
  en: {
    title: 'Webinar registration',
    confirm: (title: string) => `Do you want to cancel your registration for “${title}”?`,
    button: 'Yes, cancel my registration',
    cancelled: (title: string) =>
      `Your registration for “${title}” is cancelled. Thank you for letting us know: your seat goes to the next person on the waitlist.`,
    invalid: 'This link is not valid. Please use the link from your most recent email.',
    closed: 'This registration can no longer be changed: it is already cancelled or the session has started.',
    back: 'Back to the webinars',
  },
  de: {
    title: 'Webinar-Anmeldung',
    confirm: (title: string) => `Möchten Sie Ihre Anmeldung zu „${title}“ stornieren?`,
    button: 'Ja, Anmeldung stornieren',
    cancelled: (title: string) =>
      `Ihre Anmeldung zu „${title}“ ist storniert. Danke für die Nachricht: Ihr Platz geht an die nächste Person auf der Warteliste.`,
    invalid: 'Dieser Link ist ungültig. Bitte verwenden Sie den Link aus Ihrer neuesten E-Mail.',
    closed: 'Diese Anmeldung kann nicht mehr geändert werden: Sie ist bereits storniert oder der Termin hat begonnen.',
    back: 'Zurück zu den Webinaren',
  },
} as const;
const copies: Record<string, (typeof copy)[keyof typeof copy]> = copy;

export function cancelPage(
  state: CancelPageState,
  options: {
    locale: string;
    webinarTitle?: string;
    when?: string;
    token?: string;
    actionUrl?: string;
    backUrl: string;
  },
): string {
  const t = copies[options.locale] ?? copy.en;
  const title = options.webinarTitle ?? '';
  let body: string;
  switch (state) {
    case 'confirm':
      body = `<p>${escape(t.confirm(title))}</p>${options.when ? `<p>${escape(options.when)}</p>` : ''}
<form method="post" action="${escape(options.actionUrl ?? '')}"><input type="hidden" name="token" value="${escape(options.token ?? '')}"><button type="submit">${escape(t.button)}</button></form>`;
      break;
    case 'cancelled':
      body = `<p>${escape(t.cancelled(title))}</p>`;
      break;
    case 'invalid':
      body = `<p>${escape(t.invalid)}</p>`;
      break;
    case 'closed':
      body = `<p>${escape(t.closed)}</p>`;
      break;
  }
  return `<!doctype html><html lang="${options.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(t.title)}</title>
<style>body{font-family:Arial,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2933}button{font:inherit;padding:.6rem 1rem;border:0;border-radius:4px;background:#4945ff;color:#fff;cursor:pointer}</style></head>
<body><h1>${escape(t.title)}</h1>${body}<p><a href="${escape(options.backUrl)}">${escape(t.back)}</a></p></body></html>`;
}
