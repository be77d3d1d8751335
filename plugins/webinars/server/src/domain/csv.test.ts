import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { parseAttendanceCsv, registrationsCsv, safeCell } from './csv';

const row = {
  email: 'ada@example.com',
  firstName: 'Ada, "the first"',
  lastName: 'Lovelace',
  company: '=HYPERLINK("http://evil")',
  status: 'registered',
  registeredAt: new Date('2026-12-01T10:00:00Z'),
  cancelledAt: null,
  utmSource: 'linkedin',
  utmMedium: null,
  utmCampaign: null,
  answers: { role: 'CTO\nand founder' },
};

describe('registrations CSV', () => {
  it('quotes commas, quotes and line breaks so the file reads back to the same values', () => {
    const [header, line] = parse(registrationsCsv([row]));
    expect(header).toEqual([
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
    ]);
    expect(line[1]).toBe('Ada, "the first"');
    expect(line[5]).toBe('2026-12-01T10:00:00.000Z');
    expect(JSON.parse(line[10])).toEqual({ role: 'CTO\nand founder' });
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    const [, line] = parse(registrationsCsv([row]));
    expect(line[3]).toBe(`'=HYPERLINK("http://evil")`);
    expect(safeCell('+49 30')).toBe(`'+49 30`);
    expect(safeCell('plain')).toBe('plain');
  });
});

describe('attendance report import', () => {
  it('reads yes/no from an attended column, case-insensitive headers and emails', () => {
    const report = parseAttendanceCsv('Name,Email,Attended\nAda,ADA@example.com,Yes\nBob,bob@example.com,no\n');
    expect(report.marks).toEqual([
      { email: 'ada@example.com', attended: true },
      { email: 'bob@example.com', attended: false },
    ]);
    expect(report.skipped).toEqual([]);
  });

  it('reads a semicolon report with a BOM and a duration in minutes (German Excel, Zoom)', () => {
    const report = parseAttendanceCsv('\ufeffE-Mail-Adresse;Dauer (Minuten)\nada@example.com;42\nbob@example.com;0\n');
    expect(report.marks).toEqual([
      { email: 'ada@example.com', attended: true },
      { email: 'bob@example.com', attended: false },
    ]);
  });

  it('counts someone who joined twice as attended once, and lists lines it could not read', () => {
    const report = parseAttendanceCsv(
      'email,attended\nada@example.com,no\nada@example.com,yes\nnot-an-email,yes\nbob@example.com,maybe\n',
    );
    expect(report.marks).toEqual([{ email: 'ada@example.com', attended: true }]);
    expect(report.skipped).toEqual([
      { line: 4, reason: 'no valid email' },
      { line: 5, reason: 'attended must be yes or no, not "maybe"' },
    ]);
  });

  it('treats a plain list of emails as the people who attended', () => {
    expect(parseAttendanceCsv('email\nada@example.com\n').marks).toEqual([
      { email: 'ada@example.com', attended: true },
    ]);
  });

  it('refuses a file without an email column', () => {
    expect(() => parseAttendanceCsv('name,minutes\nAda,4\n')).toThrow(/email column/);
  });
});
