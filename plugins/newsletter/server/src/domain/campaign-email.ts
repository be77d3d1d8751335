/**
 * A campaign email: blocks → HTML and plain text, and the SendGrid v3 mail/send body of one batch
 * (one personalization per recipient, at most 1,000 per call). Pure: no Strapi, no I/O.
 */
export type Block =
  | { type: 'text'; text: string }
  | { type: 'image'; url: string; alt: string; href?: string | null }
  | { type: 'button'; label: string; url: string }
  | { type: 'article'; title: string; summary?: string | null; url: string; imageUrl?: string | null };

export interface CampaignVariant {
  subject: string;
  preheader?: string | null;
  blocks: Block[];
}

/** SendGrid's limit of personalizations per mail/send call. */
export const MAX_PERSONALIZATIONS = 1000;

/** Per-recipient placeholders, replaced by SendGrid from each personalization's substitutions. */
export const PLACEHOLDER = { unsubscribe: '{{unsubscribe_url}}', preferences: '{{preferences_url}}' } as const;

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Only http(s) links leave in an email (no javascript:, data:). */
export const safeUrl = (value: string): string => (/^https?:\/\//i.test(value.trim()) ? value.trim() : '#');

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((part) => `<p style="margin:0 0 16px">${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');

const COPY = {
  en: {
    unsubscribe: 'Unsubscribe',
    preferences: 'Manage your preferences',
    why: 'You receive this email because you subscribed to it.',
  },
  de: {
    unsubscribe: 'Abmelden',
    preferences: 'Einstellungen ändern',
    why: 'Sie erhalten diese E-Mail, weil Sie sie abonniert haben.',
  },
} as const;

const copyFor = (locale: string) => (locale in COPY ? COPY[locale as keyof typeof COPY] : COPY.en);

export interface RenderedCampaign {
  subject: string;
  html: string;
  text: string;
}

export function renderCampaign(
  variant: CampaignVariant,
  options: { locale: string; physicalAddress: string; siteName: string },
): RenderedCampaign {
  const copy = copyFor(options.locale);
  const html: string[] = [];
  const text: string[] = [];
  for (const block of variant.blocks) {
    switch (block.type) {
      case 'text':
        html.push(paragraphs(block.text));
        text.push(block.text);
        break;
      case 'image': {
        const image = `<img src="${escapeHtml(safeUrl(block.url))}" alt="${escapeHtml(block.alt)}" style="max-width:100%;height:auto;display:block;margin:0 0 16px">`;
        html.push(block.href ? `<a href="${escapeHtml(safeUrl(block.href))}">${image}</a>` : image);
        if (block.alt) text.push(`[${block.alt}]${block.href ? ` ${safeUrl(block.href)}` : ''}`);
        break;
      }
      case 'button':
        html.push(
          `<p style="margin:0 0 16px"><a href="${escapeHtml(safeUrl(block.url))}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(block.label)}</a></p>`,
        );
        text.push(`${block.label}: ${safeUrl(block.url)}`);
        break;
      case 'article':
        html.push(
          `<div style="margin:0 0 20px">${block.imageUrl ? `<img src="${escapeHtml(safeUrl(block.imageUrl))}" alt="" style="max-width:100%;height:auto;display:block;margin:0 0 8px">` : ''}<h2 style="font-size:18px;margin:0 0 8px"><a href="${escapeHtml(safeUrl(block.url))}">${escapeHtml(block.title)}</a></h2>${block.summary ? paragraphs(block.summary) : ''}</div>`,
        );
        text.push([block.title, block.summary ?? '', safeUrl(block.url)].filter(Boolean).join('\n'));
        break;
    }
  }
  const preheader = variant.preheader
    ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(variant.preheader)}</div>`
    : '';
  const footerHtml = `<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0"><p style="font-size:12px;color:#6b7280;margin:0 0 8px">${escapeHtml(copy.why)}</p><p style="font-size:12px;color:#6b7280;margin:0 0 8px"><a href="${PLACEHOLDER.preferences}">${escapeHtml(copy.preferences)}</a> · <a href="${PLACEHOLDER.unsubscribe}">${escapeHtml(copy.unsubscribe)}</a></p><p style="font-size:12px;color:#6b7280;margin:0">${escapeHtml(options.siteName)} · ${escapeHtml(options.physicalAddress).replace(/\n/g, ', ')}</p>`;
  return {
    subject: variant.subject,
    html: `<!doctype html><html lang="${escapeHtml(options.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(variant.subject)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#111827;max-width:600px;margin:0 auto;padding:24px">${preheader}${html.join('')}${footerHtml}</body></html>`,
    text: [
      ...(variant.preheader ? [variant.preheader, ''] : []),
      text.join('\n\n'),
      '',
      '--',
      copy.why,
      `${copy.preferences}: ${PLACEHOLDER.preferences}`,
      `${copy.unsubscribe}: ${PLACEHOLDER.unsubscribe}`,
      `${options.siteName}, ${options.physicalAddress.replace(/\n/g, ', ')}`,
    ].join('\n'),
  };
}

export interface BatchRecipient {
  email: string;
  contact: string;
  /** the one-click endpoint (RFC 8058), POST only */
  oneClickUrl: string;
  /** the site's page that unsubscribes after a click on a button (a link a person follows) */
  unsubscribeUrl: string;
  preferencesUrl: string;
}

/** SendGrid v3 `mail/send` body for one batch: one personalization per recipient with its own links and headers. */
export function batchMailBody(input: {
  from: { email: string; name?: string };
  rendered: RenderedCampaign;
  recipients: BatchRecipient[];
  campaign: number;
  batch: string;
}) {
  if (input.recipients.length === 0) throw new Error('a batch without recipients');
  if (input.recipients.length > MAX_PERSONALIZATIONS)
    throw new Error(`a batch of ${input.recipients.length} recipients (SendGrid takes ${MAX_PERSONALIZATIONS})`);
  return {
    from: input.from,
    subject: input.rendered.subject,
    personalizations: input.recipients.map((recipient) => ({
      to: [{ email: recipient.email }],
      substitutions: {
        [PLACEHOLDER.unsubscribe]: recipient.unsubscribeUrl,
        [PLACEHOLDER.preferences]: recipient.preferencesUrl,
      },
      headers: {
        'List-Unsubscribe': `<${recipient.oneClickUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      custom_args: { newsletter_campaign: String(input.campaign), newsletter_contact: recipient.contact },
    })),
    // text/plain first: RFC 2046 orders parts from the plainest
    content: [
      { type: 'text/plain', value: input.rendered.text },
      { type: 'text/html', value: input.rendered.html },
    ],
    custom_args: { newsletter_batch: input.batch },
    categories: ['newsletter'],
  };
}

/** Splits a list into runs of at most `size` (the last may be shorter). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error('chunk size must be a positive integer');
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}
