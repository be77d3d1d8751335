import type { Locale } from '../consts';

/** The version of the consent wording shown next to the checkboxes; stored with every consent. */
export const CONSENT_TEXT_VERSION = 'contact-form-2026-11';

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
