export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

export const SITE_NAME = 'Magnetiq';

/** Where the browser sends form submissions: the CMS's public API. */
export const CMS_PUBLIC_URL = import.meta.env.PUBLIC_CMS_URL || process.env.CMS_URL || 'http://localhost:1337';

export const STRINGS: Record<Locale, Record<string, string>> = {
  en: {
    tagline: 'Turn your expertise into qualified leads.',
    intro: 'Webinars, whitepapers and consultations that bring the right people to your sales team.',
    contact: 'Contact us',
    otherLanguage: 'Deutsch',
    contactIntro: 'Tell us what you are working on. We answer within one business day.',
  },
  de: {
    tagline: 'Machen Sie Ihr Wissen zu qualifizierten Leads.',
    intro: 'Webinare, Whitepaper und Beratungen, die die richtigen Menschen zu Ihrem Vertrieb bringen.',
    contact: 'Kontakt',
    otherLanguage: 'English',
    contactIntro: 'Erzählen Sie uns, woran Sie arbeiten. Wir antworten innerhalb eines Werktags.',
  },
};
