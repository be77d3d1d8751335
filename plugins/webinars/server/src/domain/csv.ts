import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export interface RegistrationRow {
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  status: string;
  registeredAt: Date | string;
  cancelledAt: Date | string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  answers: Record<string, unknown> | null;
}

const COLUMNS = [
  'email',
  'firstName',
  'lastName',
  'company',
  'status',
  'registeredAt',
  'cancelledAt',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'answers',
] as const;

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : '');

/**
 * A spreadsheet cell that starts with = + - @ (or tab / CR) runs as a formula in Excel and
 * LibreOffice (CSV injection, OWASP): such text gets a leading apostrophe.
 */
export const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The registrations of a session as RFC 4180 CSV with a header row. */
export function registrationsCsv(rows: readonly RegistrationRow[]): string {
  return stringify(
    rows.map((row) => ({
      ...Object.fromEntries(
        COLUMNS.map((column) => [column, typeof row[column] === 'string' ? safeCell(row[column] as string) : '']),
      ),
      registeredAt: iso(row.registeredAt),
      cancelledAt: iso(row.cancelledAt),
      answers: row.answers && Object.keys(row.answers).length > 0 ? safeCell(JSON.stringify(row.answers)) : '',
    })),
    { header: true, columns: [...COLUMNS] },
  );
}

export interface AttendanceMark {
  email: string;
  attended: boolean;
}

export interface AttendanceReport {
  marks: AttendanceMark[];
  /** lines we could not read, 1-based as in a spreadsheet (the header is line 1) */
  skipped: Array<{ line: number; reason: string }>;
}

const EMAIL_HEADERS = [
  'email',
  'e-mail',
  'email address',
  'e-mail-adresse',
  'attendee email',
  'user email',
  'teilnehmer e-mail',
];
const ATTENDED_HEADERS = ['attended', 'attendance', 'teilgenommen', 'status'];
const MINUTES_HEADERS = ['duration', 'duration (minutes)', 'time in session (minutes)', 'minutes', 'dauer (minuten)'];
const YES = ['yes', 'y', 'true', '1', 'attended', 'present', 'ja', 'x', 'teilgenommen'];
const NO = ['no', 'n', 'false', '0', 'no-show', 'absent', 'nein', 'not attended'];

const normalise = (header: string) =>
  header
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase();

/**
 * Reads an attendance report exported from a webinar tool (Zoom, Teams, GoToWebinar all give
 * CSV with an email column and either an attended yes/no or a duration in minutes). Comma or
 * semicolon separated (German Excel), BOM tolerated. A row without an attended column counts
 * as attended (a report lists who was there) unless its duration is 0.
 */
export function parseAttendanceCsv(text: string): AttendanceReport {
  const delimiter =
    (text.split(/\r?\n/, 1)[0].match(/;/g)?.length ?? 0) > (text.split(/\r?\n/, 1)[0].match(/,/g)?.length ?? 0)
      ? ';'
      : ',';
  const records: string[][] = parse(text, {
    delimiter,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  if (records.length === 0) throw new Error('The file is empty');
  const headers = records[0].map(normalise);
  const emailColumn = headers.findIndex((header) => EMAIL_HEADERS.includes(header));
  if (emailColumn < 0) throw new Error('No email column: name one "email"');
  const attendedColumn = headers.findIndex((header) => ATTENDED_HEADERS.includes(header));
  const minutesColumn = headers.findIndex((header) => MINUTES_HEADERS.includes(header));

  const marks = new Map<string, boolean>();
  const skipped: AttendanceReport['skipped'] = [];
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const email = (record[emailColumn] ?? '').trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      skipped.push({ line, reason: 'no valid email' });
      return;
    }
    let attended = true;
    if (attendedColumn >= 0) {
      const value = (record[attendedColumn] ?? '').trim().toLowerCase();
      if (YES.includes(value)) attended = true;
      else if (NO.includes(value)) attended = false;
      else {
        skipped.push({ line, reason: `attended must be yes or no, not "${value.slice(0, 40)}"` });
        return;
      }
    } else if (minutesColumn >= 0) {
      const minutes = Number((record[minutesColumn] ?? '').replace(',', '.'));
      attended = Number.isFinite(minutes) ? minutes > 0 : true;
    }
    // a person who joined twice appears twice: attended once is attended
    marks.set(email, (marks.get(email) ?? false) || attended);
  });
  return { marks: [...marks].map(([email, attended]) => ({ email, attended })), skipped };
}
