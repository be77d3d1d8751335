import type { EmailKit, LeadLocale, RenderedEmail } from '@magnetiq/plugin-leads/contract';

/**
 * The whitepaper email (template `whitepaper-download`), this plugin's own: it registers it with
 * the leads core's email service in bootstrap, and the outbox renders it when the email leaves.
 */
export interface WhitepaperEmailData {
  siteName?: string;
  /** the signed link is made by this plugin (services/requests.ts) */
  whitepaper?: { title: string; downloadUrl: string; validHours: number };
}

const copy = {
  en: {
    hello: 'Hello,',
    subject: (title: string) => `Your download: ${title}`,
    body: (title: string, hours: number) =>
      `thank you for your interest in "${title}". Download it with the link below; it is personal and valid for ${hours} hours.`,
    button: 'Download the PDF',
    expired: 'If the link has expired, request the whitepaper again on our website.',
    regards: (site: string) => `Best regards,\nThe ${site} team`,
  },
  de: {
    hello: 'Hallo,',
    subject: (title: string) => `Ihr Download: ${title}`,
    body: (title: string, hours: number) =>
      `vielen Dank für Ihr Interesse an „${title}“. Laden Sie es über den folgenden Link herunter; er ist persönlich und ${hours} Stunden gültig.`,
    button: 'PDF herunterladen',
    expired: 'Ist der Link abgelaufen, fordern Sie das Whitepaper einfach erneut auf unserer Website an.',
    regards: (site: string) => `Viele Grüße\nIhr ${site}-Team`,
  },
  fr: {
    hello: 'Bonjour,',
    subject: (title: string) => `Votre téléchargement : ${title}`,
    body: (title: string, hours: number) =>
      `merci de votre intérêt pour « ${title} ». Téléchargez-le avec le lien ci-dessous ; il est personnel et valable ${hours} heures.`,
    button: 'Télécharger le PDF',
    expired: 'Si le lien a expiré, demandez à nouveau le livre blanc sur notre site.',
    regards: (site: string) => `Cordialement,\nL'équipe ${site}`,
  },
} as const;

type Copy = (typeof copy)[keyof typeof copy];
const copies: Record<string, Copy> = copy;

/** The languages this email is written in; the leads email service falls back to the default locale's, then the first. */
export const WHITEPAPER_EMAIL_LOCALES = Object.keys(copies);

export function renderWhitepaperEmail(locale: LeadLocale, data: WhitepaperEmailData, kit: EmailKit): RenderedEmail {
  const t = copies[locale] ?? copies[WHITEPAPER_EMAIL_LOCALES[0]];
  const site = data.siteName ?? 'Magnetiq';
  const paper = data.whitepaper;
  if (!paper) throw new Error('whitepaper-download needs whitepaper');
  const body = t.body(paper.title, paper.validHours);
  const text = [t.hello, body, `${t.button}: ${paper.downloadUrl}`, t.expired, t.regards(site)].join('\n\n');
  const html = kit.layout(
    `${kit.paragraphs(t.hello)}${kit.paragraphs(body)}<p><a href="${kit.escapeHtml(paper.downloadUrl)}">${kit.escapeHtml(t.button)}</a></p>${kit.paragraphs(t.expired)}${kit.paragraphs(t.regards(site))}`,
  );
  return { subject: t.subject(paper.title), text, html, marketing: false };
}
