/** The review request email (leads outbox, `registerTemplate`): in English, the admin team's language. */
export interface ReviewRequestData {
  name?: string;
  stage: string;
  uid: string;
  documentId: string;
  locale?: string | null;
  link: string;
  siteName?: string;
}

interface Kit {
  escapeHtml(value: string): string;
  layout(bodyHtml: string, footerHtml?: string): string;
}

export function renderReviewRequest(_locale: string, data: ReviewRequestData, kit: Kit) {
  const what = `${data.uid} ${data.documentId}${data.locale ? ` (${data.locale})` : ''}`;
  const greeting = data.name ? `Hello ${data.name},` : 'Hello,';
  const text = `${greeting}\n\nAn entry waits for your review in "${data.stage}": ${what}.\n\nOpen it: ${data.link}\n`;
  const html = kit.layout(
    `<p>${kit.escapeHtml(greeting)}</p><p>An entry waits for your review in “${kit.escapeHtml(data.stage)}”: ${kit.escapeHtml(what)}.</p><p><a href="${kit.escapeHtml(data.link)}">Open it in the admin</a></p>`,
  );
  return { subject: `Review requested: ${what}`, text, html, marketing: false };
}
