/**
 * Transactional emails rendered by us (no SendGrid dynamic templates), one copy per language.
 * A locale without a copy gets the default locale's (the email service picks it and logs it
 * once: docs/adr/0022-locales-as-data.md). Every value from a visitor is HTML-escaped; links are
 * built by the caller from signed tokens.
 */
/** A locale code configured in Strapi's i18n, e.g. `fr` or `pt-BR`. */
export type EmailLocale = string;
export const BUILT_IN_TEMPLATES = ['confirm-subscription', 'contact-receipt', 'sales-notification'] as const;
export type TemplateName = (typeof BUILT_IN_TEMPLATES)[number];

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** marketing emails carry List-Unsubscribe (RFC 2369 / RFC 8058) */
  marketing: boolean;
}

export interface TemplateData {
  firstName?: string;
  confirmUrl?: string;
  unsubscribeUrl?: string;
  /** for the sales notification only: a visitor receipt never shows it (phishing relay, issue 17) */
  message?: string;
  siteName?: string;
  /** the site's home page in the email's language, linked from visitor receipts */
  siteUrl?: string;
  /** for the sales notification */
  lead?: {
    email: string;
    name?: string;
    company?: string;
    jobTitle?: string;
    phone?: string;
    source?: string;
    utm?: string;
  };
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

const copy = {
  en: {
    hello: (name?: string) => (name ? `Hello ${name},` : 'Hello,'),
    confirmSubject: (site: string) => `Please confirm your subscription to ${site}`,
    confirmBody: 'please confirm that you want to receive emails from us. The link is valid for 7 days.',
    confirmButton: 'Confirm my subscription',
    ignore: 'If you did not ask for this, ignore this email: nothing happens without your click.',
    receiptSubject: (site: string) => `We received your message – ${site}`,
    receiptBody:
      'thank you for contacting us. We received your message sent with the contact form on our website and will get back to you within one business day.',
    receiptSite: 'Our website:',
    receiptNotYou: 'If you did not write to us, ignore this email: someone may have entered your address by mistake.',
    unsubscribe: 'Unsubscribe',
    regards: (site: string) => `Best regards,\nThe ${site} team`,
  },
  de: {
    hello: (name?: string) => (name ? `Hallo ${name},` : 'Hallo,'),
    confirmSubject: (site: string) => `Bitte bestätigen Sie Ihr Abonnement bei ${site}`,
    confirmBody: 'bitte bestätigen Sie, dass Sie E-Mails von uns erhalten möchten. Der Link ist 7 Tage gültig.',
    confirmButton: 'Abonnement bestätigen',
    ignore: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne Ihren Klick passiert nichts.',
    receiptSubject: (site: string) => `Wir haben Ihre Nachricht erhalten – ${site}`,
    receiptBody:
      'vielen Dank für Ihre Anfrage. Wir haben Ihre Nachricht aus dem Kontaktformular unserer Website erhalten und melden uns innerhalb eines Werktags.',
    receiptSite: 'Unsere Website:',
    receiptNotYou:
      'Wenn Sie uns nicht geschrieben haben, ignorieren Sie diese E-Mail: Jemand hat Ihre Adresse vielleicht versehentlich eingegeben.',
    unsubscribe: 'Abmelden',
    regards: (site: string) => `Viele Grüße\nIhr ${site}-Team`,
  },
  fr: {
    hello: (name?: string) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    confirmSubject: (site: string) => `Veuillez confirmer votre abonnement à ${site}`,
    confirmBody: 'veuillez confirmer que vous souhaitez recevoir nos e-mails. Le lien est valable 7 jours.',
    confirmButton: 'Confirmer mon abonnement',
    ignore: "Si vous n'avez rien demandé, ignorez cet e-mail : rien ne se passe sans votre clic.",
    receiptSubject: (site: string) => `Nous avons bien reçu votre message – ${site}`,
    receiptBody:
      'merci de nous avoir contactés. Nous avons bien reçu le message envoyé avec le formulaire de contact de notre site et vous répondrons sous un jour ouvré.',
    receiptSite: 'Notre site :',
    receiptNotYou:
      "Si vous ne nous avez pas écrit, ignorez cet e-mail : quelqu'un a peut-être saisi votre adresse par erreur.",
    unsubscribe: 'Se désabonner',
    regards: (site: string) => `Cordialement,\nL'équipe ${site}`,
  },
} as const satisfies Record<string, Record<string, unknown>>;

type Copy = (typeof copy)[keyof typeof copy];
const copies: Record<string, Copy> = copy;

/** The languages a built-in template is written in; the sales notification is for the team, in one. */
export function builtInLocales(template: TemplateName): string[] {
  const all = Object.keys(copies);
  return template === 'sales-notification' ? all.slice(0, 1) : all;
}

/** Our email frame, shared with the templates other plugins register. */
export const layout = (bodyHtml: string, footerHtml = '') =>
  `<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1f2933">${bodyHtml}${footerHtml}</body></html>`;

/** Plain text to escaped HTML paragraphs (blank line = new paragraph). */
export const paragraphs = (text: string) =>
  text
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** `locale` is one of `builtInLocales(template)`: the email service resolved the fallback. */
export function renderEmail(template: TemplateName, locale: EmailLocale, data: TemplateData): RenderedEmail {
  const t = copies[locale] ?? copies[builtInLocales(template)[0]];
  const site = data.siteName ?? 'Magnetiq';
  switch (template) {
    case 'confirm-subscription': {
      if (!data.confirmUrl) throw new Error('confirm-subscription needs confirmUrl');
      // to an address nobody has verified yet: no name the visitor typed (a phishing line fits in one)
      const text = [t.hello(), t.confirmBody, `${t.confirmButton}: ${data.confirmUrl}`, t.ignore, t.regards(site)].join(
        '\n\n',
      );
      const html = layout(
        `${paragraphs(t.hello())}${paragraphs(t.confirmBody)}<p><a href="${escapeHtml(data.confirmUrl)}">${escapeHtml(t.confirmButton)}</a></p>${paragraphs(t.ignore)}${paragraphs(t.regards(site))}`,
      );
      return { subject: t.confirmSubject(site), text, html, marketing: false };
    }
    case 'contact-receipt': {
      // Sent to an address nobody has verified: nothing the visitor typed (message, name) appears,
      // or the form becomes a relay for phishing text sent from our domain (issue 17). Only our
      // own words and a link to our own site.
      const siteLink = data.siteUrl ? `${t.receiptSite} ${data.siteUrl}` : '';
      const text = [t.hello(), t.receiptBody, siteLink, t.receiptNotYou, t.regards(site)].filter(Boolean).join('\n\n');
      const html = layout(
        `${paragraphs(t.hello())}${paragraphs(t.receiptBody)}${data.siteUrl ? `<p>${escapeHtml(t.receiptSite)} <a href="${escapeHtml(data.siteUrl)}">${escapeHtml(data.siteUrl)}</a></p>` : ''}${paragraphs(t.receiptNotYou)}${paragraphs(t.regards(site))}`,
      );
      return { subject: t.receiptSubject(site), text, html, marketing: false };
    }
    case 'sales-notification': {
      const lead = data.lead;
      if (!lead) throw new Error('sales-notification needs lead');
      const rows: Array<[string, string | undefined]> = [
        ['Email', lead.email],
        ['Name', lead.name],
        ['Company', lead.company],
        ['Job title', lead.jobTitle],
        ['Phone', lead.phone],
        ['Source', lead.source],
        ['UTM', lead.utm],
      ];
      const present = rows.filter(([, value]) => value);
      const text = [...present.map(([label, value]) => `${label}: ${value}`), '', data.message ?? ''].join('\n');
      const html = layout(
        `<table>${present.map(([label, value]) => `<tr><th align="left">${label}</th><td>${escapeHtml(value!)}</td></tr>`).join('')}</table>${paragraphs(data.message ?? '')}`,
      );
      return {
        subject: `New lead: ${lead.name || lead.email}${lead.company ? ` (${lead.company})` : ''}`,
        text,
        html,
        marketing: false,
      };
    }
  }
}
