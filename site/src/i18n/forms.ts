import type { Locale } from '../consts';

/**
 * The version of the consent wording shown next to each form's checkboxes; stored with every
 * consent. Change the version whenever the wording below changes.
 */
export const CONSENT_TEXT_VERSION = 'contact-form-2026-11';
export const WHITEPAPER_CONSENT_TEXT_VERSION = 'whitepaper-form-2026-12';

export const FORM_STRINGS = {
  en: {
    email: 'Work email',
    firstName: 'First name',
    lastName: 'Last name',
    company: 'Company',
    message: 'How can we help?',
    dataProcessing: 'I agree that Magnetiq stores my details to answer my request.',
    marketingEmail: 'Send me occasional news about webinars and whitepapers. I can unsubscribe at any time.',
    submit: 'Send message',
    sending: 'Sending…',
    success: 'Thank you! We received your message and will get back to you soon. If you asked for news, please confirm the link we just emailed you.',
    tooMany: 'Too many attempts. Please try again in a few minutes.',
    invalid: 'Please check the highlighted fields.',
    failed: 'Something went wrong. Please try again later.',
    required: 'Required',
    jobTitle: 'Job title',
    phone: 'Phone',
    country: 'Country (two-letter code, e.g. DE)',
    optional: 'optional',
  },
  de: {
    email: 'Geschäftliche E-Mail',
    firstName: 'Vorname',
    lastName: 'Nachname',
    company: 'Unternehmen',
    message: 'Wie können wir helfen?',
    dataProcessing: 'Ich bin einverstanden, dass Magnetiq meine Angaben speichert, um meine Anfrage zu beantworten.',
    marketingEmail: 'Schicken Sie mir gelegentlich Neuigkeiten zu Webinaren und Whitepapern. Ich kann mich jederzeit abmelden.',
    submit: 'Nachricht senden',
    sending: 'Wird gesendet…',
    success: 'Vielen Dank! Wir haben Ihre Nachricht erhalten und melden uns bald. Falls Sie Neuigkeiten bestellt haben, bestätigen Sie bitte den Link in der E-Mail, die wir Ihnen gerade geschickt haben.',
    tooMany: 'Zu viele Versuche. Bitte versuchen Sie es in einigen Minuten erneut.',
    invalid: 'Bitte prüfen Sie die markierten Felder.',
    failed: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es später erneut.',
    required: 'Pflichtfeld',
    jobTitle: 'Position',
    phone: 'Telefon',
    country: 'Land (Kürzel mit zwei Buchstaben, z. B. DE)',
    optional: 'optional',
  },
} satisfies Record<Locale, Record<string, string>>;

export const LINK_OUTCOMES = {
  'subscription-confirmed': {
    en: { title: 'Subscription confirmed', body: 'Thank you for confirming your email address. You will now receive our news.' },
    de: { title: 'Anmeldung bestätigt', body: 'Danke für die Bestätigung Ihrer E-Mail-Adresse. Sie erhalten ab jetzt unsere Neuigkeiten.' },
  },
  unsubscribed: {
    en: { title: 'You are unsubscribed', body: 'You will not receive marketing emails from us any more.' },
    de: { title: 'Sie sind abgemeldet', body: 'Sie erhalten keine Marketing-E-Mails mehr von uns.' },
  },
  'link-invalid': {
    en: { title: 'This link does not work', body: 'The link is invalid or has expired. Please submit the form again to receive a new one.' },
    de: { title: 'Dieser Link funktioniert nicht', body: 'Der Link ist ungültig oder abgelaufen. Bitte senden Sie das Formular erneut, um einen neuen zu erhalten.' },
  },
} satisfies Record<string, Record<Locale, { title: string; body: string }>>;

/**
 * The pages the email links open (`/<lang>/confirm-subscription/?token=…`, `/<lang>/unsubscribe/?token=…`):
 * one button that POSTs the token, because mail scanners open every link (a GET must not act).
 */
export const EMAIL_LINK_STRINGS = {
  confirm: {
    en: { title: 'Confirm your subscription', body: 'Press the button to confirm that you want to receive emails from us.', button: 'Confirm my subscription' },
    de: { title: 'Abonnement bestätigen', body: 'Bitte bestätigen Sie mit dem Button, dass Sie E-Mails von uns erhalten möchten.', button: 'Abonnement bestätigen' },
  },
  unsubscribe: {
    en: { title: 'Unsubscribe', body: 'Press the button and you will not receive marketing emails from us any more.', button: 'Unsubscribe' },
    de: { title: 'Abmelden', body: 'Mit dem Button melden Sie sich ab und erhalten keine Marketing-E-Mails mehr von uns.', button: 'Abmelden' },
  },
  common: {
    en: { noToken: 'This page needs the link from your email.', sending: 'One moment…', failed: 'That did not work. Please try again in a moment.' },
    de: { noToken: 'Diese Seite braucht den Link aus Ihrer E-Mail.', sending: 'Einen Moment…', failed: 'Das hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.' },
  },
} satisfies Record<string, Record<Locale, Record<string, string>>>;

/** What the visitor reads about a field the client-side check or the server refused (lib/form-rules.ts). */
export const PROBLEM_STRINGS = {
  en: {
    required: 'Please fill in this field.',
    tooLong: 'This is too long.',
    email: 'Please enter a valid email address, e.g. name@company.com.',
    name: 'Please use letters, spaces, dots, apostrophes and hyphens only.',
    phone: 'Please use digits, spaces and + ( ) - / . only.',
    country: 'Please enter a two-letter country code, e.g. DE.',
    consent: 'Please agree so that we may process your request.',
    invalid: 'Please check this entry.',
  },
  de: {
    required: 'Bitte füllen Sie dieses Feld aus.',
    tooLong: 'Das ist zu lang.',
    email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@firma.de.',
    name: 'Bitte nur Buchstaben, Leerzeichen, Punkte, Apostrophe und Bindestriche verwenden.',
    phone: 'Bitte nur Ziffern, Leerzeichen und + ( ) - / . verwenden.',
    country: 'Bitte geben Sie ein Länderkürzel mit zwei Buchstaben ein, z. B. DE.',
    consent: 'Bitte stimmen Sie zu, damit wir Ihre Anfrage bearbeiten dürfen.',
    invalid: 'Bitte prüfen Sie diese Angabe.',
  },
} satisfies Record<Locale, Record<string, string>>;

export const WHITEPAPER_FORM_STRINGS = {
  en: {
    heading: 'Get the whitepaper',
    dataProcessing: 'I agree that Magnetiq stores my details to send me this whitepaper and may contact me about it.',
    submit: 'Email me the download link',
    success: 'Thank you! We have emailed you the download link. It is valid for a few days.',
    download: 'Download the PDF',
    notFound: 'This whitepaper is not available any more.',
  },
  de: {
    heading: 'Whitepaper anfordern',
    dataProcessing: 'Ich bin einverstanden, dass Magnetiq meine Angaben speichert, um mir dieses Whitepaper zu senden, und mich dazu kontaktieren darf.',
    submit: 'Download-Link per E-Mail senden',
    success: 'Vielen Dank! Wir haben Ihnen den Download-Link per E-Mail geschickt. Er ist einige Tage gültig.',
    download: 'PDF herunterladen',
    notFound: 'Dieses Whitepaper ist nicht mehr verfügbar.',
  },
} satisfies Record<Locale, Record<string, string>>;
