export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled' | 'attended' | 'no-show';
export const REGISTRATION_STATUSES: RegistrationStatus[] = [
  'registered',
  'waitlisted',
  'cancelled',
  'attended',
  'no-show',
];

export interface SessionSummary {
  documentId: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: number;
  seatsTaken: number;
  status: 'scheduled' | 'cancelled';
}

export interface WebinarRow {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  eventStatus: string;
  updatedAt: string;
  sessions: SessionSummary[];
}

export interface SessionDetail extends SessionSummary {
  webinar: string;
  joinUrl: string | null;
  joinInstructions: string | null;
  recordingUrl: string | null;
  remindersSent: { '24h': string | null; '1h': string | null };
  recordingNotifiedAt: string | null;
  cancelledAt: string | null;
  counts: Record<RegistrationStatus, number>;
}

export interface RegistrationItem {
  documentId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  status: RegistrationStatus;
  locale: string | null;
  answers: Record<string, string> | null;
  registeredAt: string;
  attendanceAt: string | null;
}

export interface Page<T> {
  results: T[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}
