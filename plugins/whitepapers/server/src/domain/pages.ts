/**
 * The small HTML page a browser gets for an expired or broken download link: it says what
 * happened and offers to request a new link (the whitepaper's page on the site, or the list).
 */
export type LinkProblem = 'expired' | 'invalid';
/** a locale code; a page without a copy in it is shown in English */
export type PageLocale = string;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const copy = {
  en: {
    expired: {
      title: 'This download link has expired',
      body: 'Download links are valid for a limited time. Request a new one and we will email it to you right away.',
    },
    invalid: {
      title: 'This download link is not valid',
      body: 'The link may be incomplete or changed. Request a new one and we will email it to you right away.',
    },
    action: 'Request a new link',
  },
  de: {
    expired: {
      title: 'Dieser Download-Link ist abgelaufen',
      body: 'Download-Links sind nur begrenzt gültig. Fordern Sie einen neuen an, wir senden ihn sofort per E-Mail.',
    },
    invalid: {
      title: 'Dieser Download-Link ist ungültig',
      body: 'Der Link ist möglicherweise unvollständig oder verändert. Fordern Sie einen neuen an, wir senden ihn sofort per E-Mail.',
    },
    action: 'Neuen Link anfordern',
  },
} as const;
const copies: Record<string, (typeof copy)[keyof typeof copy]> = copy;

export function linkProblemPage(
  problem: LinkProblem,
  { locale = 'en', requestUrl }: { locale?: PageLocale; requestUrl: string },
): string {
  const t = copies[locale] ?? copy.en;
  const { title, body } = t[problem];
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1f2933"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="${escapeHtml(requestUrl)}">${escapeHtml(t.action)}</a></p></body></html>`;
}
