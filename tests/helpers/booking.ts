/** Booking fixtures made the way an Admin makes them: through the Content Manager API. */
import { expect } from 'vitest';
import { contentManager } from './content';

type Host = { slug: string; name: string; email: string };

/** A host whose Google calendar is its own address, with a weekly schedule; returns its documentId. */
export async function createBookingHost(
  token: string,
  host: Host,
  schedule: { timeZone: string; weeklyHours: unknown },
  bio = `${host.name} helps B2B teams.`,
) {
  const created = await contentManager(token).create('plugin::booking.host', {
    ...host,
    bio,
    ...schedule,
    dateOverrides: [],
    calendarId: host.email,
    active: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data.documentId as string;
}

/** A 30-minute video meeting type with one required question, bookable from an hour ahead for 30 days. */
export async function createMeetingType(
  token: string,
  type: { title: string; slug: string; description: string; hosts: string[] } & Record<string, unknown>,
) {
  const created = await contentManager(token).create('plugin::booking.meeting-type', {
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 60,
    maxDaysAhead: 30,
    slotStepMinutes: 30,
    dailyLimitPerHost: 0,
    location: 'video',
    questions: [{ id: 'goal', label: 'What is your goal?', type: 'text', required: true }],
    active: true,
    ...type,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created;
}
