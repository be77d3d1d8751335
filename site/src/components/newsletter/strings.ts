/** The newsletter islands' texts (English for any locale without its own). */
const EN = {
  title: 'Newsletter',
  intro: 'Choose what you would like to hear about. We send a confirmation email first (double opt-in).',
  email: 'Email',
  topics: 'Topics',
  consent: 'I agree that Magnetiq may send me the newsletters I chose. I can unsubscribe at any time.',
  submit: 'Subscribe',
  sending: 'Sending…',
  sent: 'Almost done: please confirm with the link in the email we just sent.',
  failed: 'That did not work. Please check the fields and try again.',
  noTopics: 'There are no newsletters in this language yet.',
  prefsTitle: 'Your newsletter preferences',
  prefsFor: 'Preferences of',
  language: 'Language',
  save: 'Save',
  saved: 'Saved.',
  unsubscribeAll: 'Unsubscribe from all newsletters',
  unsubscribed: 'You are unsubscribed from all newsletters.',
  invalid: 'This link is not valid. Use the link from your most recent newsletter.',
  noToken: 'This page needs the link from a newsletter.',
};
type Strings = typeof EN;
const DE: Strings = {
  title: 'Newsletter',
  intro:
    'Wählen Sie, worüber Sie informiert werden möchten. Zuerst senden wir eine Bestätigungs-E-Mail (Double-Opt-in).',
  email: 'E-Mail',
  topics: 'Themen',
  consent:
    'Ich bin einverstanden, dass Magnetiq mir die gewählten Newsletter sendet. Ich kann mich jederzeit abmelden.',
  submit: 'Abonnieren',
  sending: 'Wird gesendet…',
  sent: 'Fast geschafft: Bitte bestätigen Sie mit dem Link in der E-Mail, die wir gerade gesendet haben.',
  failed: 'Das hat nicht geklappt. Bitte prüfen Sie die Felder und versuchen Sie es erneut.',
  noTopics: 'In dieser Sprache gibt es noch keine Newsletter.',
  prefsTitle: 'Ihre Newsletter-Einstellungen',
  prefsFor: 'Einstellungen von',
  language: 'Sprache',
  save: 'Speichern',
  saved: 'Gespeichert.',
  unsubscribeAll: 'Von allen Newslettern abmelden',
  unsubscribed: 'Sie sind von allen Newslettern abgemeldet.',
  invalid: 'Dieser Link ist ungültig. Nutzen Sie den Link aus Ihrem letzten Newsletter.',
  noToken: 'Diese Seite braucht den Link aus einem Newsletter.',
};
/** Texts by language; a language without its own texts reads English. */
const STRINGS: Record<string, Strings> = { en: EN, de: DE };
export const newsletterStrings = (lang: string): Strings => STRINGS[lang] ?? EN;
/** the consent wording's version, stored with the consent record */
export const CONSENT_TEXT_VERSION = 'newsletter-2026-12';
