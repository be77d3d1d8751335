export interface TimeRange {
  start: string;
  end: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface HostSchedule {
  documentId: string;
  slug: string;
  name: string;
  timeZone: string;
  weeklyHours: Partial<Record<Weekday, TimeRange[]>>;
  dateOverrides: Array<{ date: string; intervals: TimeRange[] }>;
  active: boolean;
}

export interface AdminBooking {
  id: string;
  status: 'confirmed' | 'cancelled' | 'rescheduled';
  start: string;
  end: string;
  timeZone: string;
  hostSlug: string;
  meetingType: { slug: string; title: string | null };
  visitor: { email: string; firstName: string | null; lastName: string | null; company: string | null } | null;
  answers: Record<string, string>;
  cancelReason: string | null;
  cancelledBy: string | null;
  /** the Google Meet link of the host's event (video meetings), once Google made it */
  meetLink: string | null;
  rescheduleCount: number;
  changeable: boolean;
}

export interface DataResponse<T> {
  data: T;
}
