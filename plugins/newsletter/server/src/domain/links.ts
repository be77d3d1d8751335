import { signToken, verifyToken, type TokenVerdict } from '@magnetiq/plugin-kit/server';

/**
 * The links every newsletter carries, signed with the kit's one token format, each for ONE
 * purpose: a preference-centre token never unsubscribes by one click and the other way round.
 * They do not expire: a newsletter from last year must still let its reader leave (RFC 8058).
 */
export const PURPOSE = {
  preferences: 'newsletter-preferences',
  unsubscribe: 'newsletter-unsubscribe',
} as const;

export const preferencesToken = (contact: string, secret: string): string =>
  signToken({ purpose: PURPOSE.preferences, subject: contact }, secret);

export const unsubscribeToken = (contact: string, campaign: number, secret: string): string =>
  signToken({ purpose: PURPOSE.unsubscribe, subject: contact, extra: { c: campaign } }, secret);

export const verifyLink = (token: unknown, purpose: keyof typeof PURPOSE, secret: string): TokenVerdict =>
  verifyToken(token, PURPOSE[purpose], secret);

export interface LinkBases {
  /** the CMS as mail clients reach it */
  publicUrl: string;
  siteUrl: string;
  /** e.g. /{locale}/newsletter/preferences/ */
  preferencesPath: string;
}

export function recipientLinks(
  bases: LinkBases,
  input: { contact: string; campaign: number; locale: string },
  secret: string,
) {
  const preferences = `${bases.siteUrl.replace(/\/$/, '')}${bases.preferencesPath.replace('{locale}', encodeURIComponent(input.locale))}?token=${encodeURIComponent(preferencesToken(input.contact, secret))}`;
  return {
    preferencesUrl: preferences,
    // the page a person reaches from the footer: it asks before it unsubscribes (GET changes nothing)
    unsubscribeUrl: `${preferences}&action=unsubscribe`,
    // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` here
    oneClickUrl: `${bases.publicUrl.replace(/\/$/, '')}/api/newsletter/unsubscribe?token=${encodeURIComponent(unsubscribeToken(input.contact, input.campaign, secret))}`,
  };
}
