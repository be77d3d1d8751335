/**
 * The email a host gets once when Google refuses their calendar grant (revoked in their Google
 * account, expired, or the password changed): bookings keep working, but their calendar no
 * longer gets events and their busy times are unknown until they connect again. English only,
 * like the booking plugin's host emails (hosts have no language field).
 */
interface Kit {
  escapeHtml(value: string): string;
  layout(bodyHtml: string, footerHtml?: string): string;
}

export interface DisconnectedEmailData {
  calendarId: string;
  /** the host's name, or the webinar's title for a team calendar */
  ownerName?: string | null;
  /** the admin page with "Connect Google Calendar" */
  reconnectUrl?: string | null;
}

export function renderDisconnectedEmail(data: DisconnectedEmailData, kit: Kit) {
  const subject = 'Your Google Calendar is no longer connected';
  const greeting = data.ownerName ? `Hello ${data.ownerName},` : 'Hello,';
  const lines = [
    `Google no longer accepts Magnetiq's access to the calendar ${data.calendarId} (the access was revoked or has expired).`,
    'New bookings no longer appear in this calendar, and its busy times are not checked, until it is connected again.',
  ];
  const action = data.reconnectUrl
    ? `Connect it again in the admin (Calendar sync, "Connect Google Calendar"):`
    : 'Connect it again in the admin under Calendar sync ("Connect Google Calendar").';
  const text = [greeting, '', ...lines, '', action, ...(data.reconnectUrl ? [data.reconnectUrl] : [])].join('\n');
  const html = kit.layout(
    [
      `<h1 style="font-size:20px">${kit.escapeHtml(subject)}</h1>`,
      `<p>${kit.escapeHtml(greeting)}</p>`,
      ...lines.map((line) => `<p>${kit.escapeHtml(line)}</p>`),
      `<p>${kit.escapeHtml(action)}${data.reconnectUrl ? `<br><a href="${kit.escapeHtml(data.reconnectUrl)}">${kit.escapeHtml(data.reconnectUrl)}</a>` : ''}</p>`,
    ].join('\n'),
  );
  return { subject, text, html, marketing: false };
}
