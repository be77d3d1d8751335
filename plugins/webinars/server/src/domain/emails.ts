/**
 * The webinar emails, registered with the leads core's email service (rendered when the outbox
 * delivers them). Every value that came from a visitor or an editor goes through the kit's
 * escaping; links are built by the plugin and escaped as attributes.
 */
/** a locale code; the email service picks one of WEBINAR_EMAIL_LOCALES for the emails */
export type Locale = string;

export const TEMPLATES = {
  confirmation: 'webinar-confirmation',
  waitlisted: 'webinar-waitlisted',
  promoted: 'webinar-promoted',
  reminder: 'webinar-reminder',
  recording: 'webinar-recording',
  sessionCancelled: 'webinar-session-cancelled',
} as const;
export type TemplateKey = keyof typeof TEMPLATES;

export interface WebinarEmailData {
  siteName?: string;
  firstName?: string;
  webinar: { title: string; url: string };
  /** the session's time, already formatted in its zone and the reader's language */
  when: string;
  /** registered people only */
  joinUrl?: string;
  joinInstructions?: string;
  cancelUrl?: string;
  icsUrl?: string;
  calendar?: { google: string; outlook: string; office365: string };
  recordingUrl?: string;
  reminder?: '24h' | '1h';
}

export interface Kit {
  escapeHtml: (value: string) => string;
  layout: (bodyHtml: string, footerHtml?: string) => string;
  paragraphs: (text: string) => string;
}

const copy = {
  en: {
    hello: (name?: string) => (name ? `Hello ${name},` : 'Hello,'),
    regards: (site: string) => `Best regards,\nThe ${site} team`,
    when: 'When',
    join: 'Join the webinar',
    instructions: 'How to join',
    calendar: 'Add to your calendar',
    ics: 'Calendar file (.ics)',
    cancel: 'Cannot attend? Cancel your registration so someone on the waitlist gets your seat',
    page: 'Webinar page',
    confirmationSubject: (title: string) => `You are registered: ${title}`,
    confirmationBody: (title: string) =>
      `thank you for registering for "${title}". Your seat is reserved. The invitation is attached; we will remind you a day and an hour before the start.`,
    waitlistedSubject: (title: string) => `You are on the waitlist: ${title}`,
    waitlistedBody: (title: string) =>
      `"${title}" is fully booked, so we put you on the waitlist. If a seat becomes free, it is yours and we will send you the invitation at once.`,
    waitlistCancel: 'No longer interested? Leave the waitlist',
    promotedSubject: (title: string) => `A seat is free for you: ${title}`,
    promotedBody: (title: string) =>
      `good news: a seat became free and you are now registered for "${title}". The invitation is attached.`,
    reminderSubject: (title: string, kind: '24h' | '1h') =>
      kind === '1h' ? `Starting in one hour: ${title}` : `Tomorrow: ${title}`,
    reminderBody: (title: string, kind: '24h' | '1h') =>
      kind === '1h' ? `"${title}" starts in one hour.` : `a reminder: "${title}" takes place tomorrow.`,
    recordingSubject: (title: string) => `The recording is available: ${title}`,
    recordingBody: (title: string) => `thank you for your interest in "${title}". The recording is now available.`,
    recordingButton: 'Watch the recording',
    cancelledSubject: (title: string) => `Cancelled: ${title}`,
    cancelledBody: (title: string) =>
      `we are sorry: the session of "${title}" on the date below has been cancelled. Your registration is void; the calendar entry is removed by the attached update. Find other dates on the webinar page.`,
  },
  de: {
    hello: (name?: string) => (name ? `Hallo ${name},` : 'Hallo,'),
    regards: (site: string) => `Viele Grüße\nIhr ${site}-Team`,
    when: 'Wann',
    join: 'Am Webinar teilnehmen',
    instructions: 'So nehmen Sie teil',
    calendar: 'In Ihren Kalender eintragen',
    ics: 'Kalenderdatei (.ics)',
    cancel:
      'Sie können nicht teilnehmen? Stornieren Sie Ihre Anmeldung, damit jemand von der Warteliste Ihren Platz bekommt',
    page: 'Webinar-Seite',
    confirmationSubject: (title: string) => `Sie sind angemeldet: ${title}`,
    confirmationBody: (title: string) =>
      `vielen Dank für Ihre Anmeldung zu „${title}“. Ihr Platz ist reserviert. Die Einladung finden Sie im Anhang; wir erinnern Sie einen Tag und eine Stunde vor Beginn.`,
    waitlistedSubject: (title: string) => `Sie stehen auf der Warteliste: ${title}`,
    waitlistedBody: (title: string) =>
      `„${title}“ ist ausgebucht, daher haben wir Sie auf die Warteliste gesetzt. Wird ein Platz frei, gehört er Ihnen und wir senden Ihnen sofort die Einladung.`,
    waitlistCancel: 'Kein Interesse mehr? Warteliste verlassen',
    promotedSubject: (title: string) => `Ein Platz ist für Sie frei geworden: ${title}`,
    promotedBody: (title: string) =>
      `gute Nachricht: Ein Platz ist frei geworden und Sie sind jetzt für „${title}“ angemeldet. Die Einladung finden Sie im Anhang.`,
    reminderSubject: (title: string, kind: '24h' | '1h') =>
      kind === '1h' ? `In einer Stunde: ${title}` : `Morgen: ${title}`,
    reminderBody: (title: string, kind: '24h' | '1h') =>
      kind === '1h' ? `„${title}“ beginnt in einer Stunde.` : `zur Erinnerung: „${title}“ findet morgen statt.`,
    recordingSubject: (title: string) => `Die Aufzeichnung ist verfügbar: ${title}`,
    recordingBody: (title: string) =>
      `vielen Dank für Ihr Interesse an „${title}“. Die Aufzeichnung ist jetzt verfügbar.`,
    recordingButton: 'Aufzeichnung ansehen',
    cancelledSubject: (title: string) => `Abgesagt: ${title}`,
    cancelledBody: (title: string) =>
      `leider müssen wir den Termin von „${title}“ zum unten genannten Zeitpunkt absagen. Ihre Anmeldung entfällt; das angehängte Update entfernt den Kalendereintrag. Weitere Termine finden Sie auf der Webinar-Seite.`,
  },
} as const;
const copies: Record<string, Copy> = copy;
/** The languages the webinar emails are written in. */
export const WEBINAR_EMAIL_LOCALES = Object.keys(copies);

type Copy = (typeof copy)[keyof typeof copy];
type Block = { text: string; html: string };

/** A rendered email built from blocks that each know their text and HTML form. */
function compose(kit: Kit, subject: string, blocks: Array<Block | null | undefined>) {
  const present = blocks.filter((block): block is Block => Boolean(block));
  return {
    subject,
    text: present.map((block) => block.text).join('\n\n'),
    html: kit.layout(present.map((block) => block.html).join('')),
    marketing: false,
  };
}

const para = (kit: Kit, text: string): Block => ({ text, html: kit.paragraphs(text) });
const link = (kit: Kit, label: string, url: string): Block => ({
  text: `${label}: ${url}`,
  html: `<p><a href="${kit.escapeHtml(url)}">${kit.escapeHtml(label)}</a></p>`,
});

const whenBlock = (kit: Kit, t: Copy, data: WebinarEmailData): Block => ({
  text: `${t.when}: ${data.when}`,
  html: `<p><strong>${kit.escapeHtml(t.when)}:</strong> ${kit.escapeHtml(data.when)}</p>`,
});

const joinBlocks = (kit: Kit, t: Copy, data: WebinarEmailData): Block[] => [
  ...(data.joinUrl ? [link(kit, t.join, data.joinUrl)] : []),
  ...(data.joinInstructions ? [para(kit, `${t.instructions}:\n${data.joinInstructions}`)] : []),
];

const calendarBlock = (kit: Kit, t: Copy, data: WebinarEmailData): Block | null => {
  if (!data.calendar && !data.icsUrl) return null;
  const links: Array<[string, string]> = [
    ...(data.calendar
      ? ([
          ['Google Calendar', data.calendar.google],
          ['Outlook.com', data.calendar.outlook],
          ['Microsoft 365', data.calendar.office365],
        ] as Array<[string, string]>)
      : []),
    ...(data.icsUrl ? ([[t.ics, data.icsUrl]] as Array<[string, string]>) : []),
  ];
  return {
    text: [`${t.calendar}:`, ...links.map(([label, url]) => `- ${label}: ${url}`)].join('\n'),
    html: `<p>${kit.escapeHtml(t.calendar)}: ${links.map(([label, url]) => `<a href="${kit.escapeHtml(url)}">${kit.escapeHtml(label)}</a>`).join(' · ')}</p>`,
  };
};

export function renderWebinarEmail(key: TemplateKey, locale: Locale, data: WebinarEmailData, kit: Kit) {
  const t = copies[locale] ?? copies[WEBINAR_EMAIL_LOCALES[0]];
  const site = data.siteName ?? 'Magnetiq';
  const title = data.webinar.title;
  // to an unverified address: no name the visitor typed (a phishing line fits in one)
  const hello = para(kit, t.hello());
  const regards = para(kit, t.regards(site));
  const page = link(kit, t.page, data.webinar.url);
  const cancel = (label: string) => (data.cancelUrl ? link(kit, label, data.cancelUrl) : null);
  switch (key) {
    case 'confirmation':
      return compose(kit, t.confirmationSubject(title), [
        hello,
        para(kit, t.confirmationBody(title)),
        whenBlock(kit, t, data),
        ...joinBlocks(kit, t, data),
        calendarBlock(kit, t, data),
        cancel(t.cancel),
        regards,
      ]);
    case 'waitlisted':
      return compose(kit, t.waitlistedSubject(title), [
        hello,
        para(kit, t.waitlistedBody(title)),
        whenBlock(kit, t, data),
        page,
        cancel(t.waitlistCancel),
        regards,
      ]);
    case 'promoted':
      return compose(kit, t.promotedSubject(title), [
        hello,
        para(kit, t.promotedBody(title)),
        whenBlock(kit, t, data),
        ...joinBlocks(kit, t, data),
        calendarBlock(kit, t, data),
        cancel(t.cancel),
        regards,
      ]);
    case 'reminder': {
      const kind = data.reminder ?? '24h';
      return compose(kit, t.reminderSubject(title, kind), [
        hello,
        para(kit, t.reminderBody(title, kind)),
        whenBlock(kit, t, data),
        ...joinBlocks(kit, t, data),
        cancel(t.cancel),
        regards,
      ]);
    }
    case 'recording':
      return compose(kit, t.recordingSubject(title), [
        hello,
        para(kit, t.recordingBody(title)),
        data.recordingUrl ? link(kit, t.recordingButton, data.recordingUrl) : page,
        regards,
      ]);
    case 'sessionCancelled':
      return compose(kit, t.cancelledSubject(title), [
        hello,
        para(kit, t.cancelledBody(title)),
        whenBlock(kit, t, data),
        page,
        regards,
      ]);
  }
}
