/**
 * Busy times per calendar, with the window they were fetched for and when. Entries younger than
 * the TTL answer requests inside their window; older ones are still handed out as a fallback
 * when Google is slow or down (marked stale). Time comes from an injected clock.
 */
export interface BusyInterval {
  start: string;
  end: string;
}

interface Entry {
  from: number;
  to: number;
  at: number;
  busy: BusyInterval[];
}

export class BusyCache {
  private entries = new Map<string, Entry>();

  constructor(
    private ttlMs: number,
    private clock: () => number = Date.now,
    private maxEntries = 5000,
  ) {}

  set(calendarId: string, from: number, to: number, busy: BusyInterval[]) {
    if (this.entries.size >= this.maxEntries && !this.entries.has(calendarId))
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(calendarId, { from, to, at: this.clock(), busy });
  }

  /** The intervals touching [from, to) if the cached window covers it; `fresh` says whether within the TTL. */
  get(calendarId: string, from: number, to: number): { busy: BusyInterval[]; fresh: boolean } | null {
    const entry = this.entries.get(calendarId);
    if (!entry || entry.from > from || entry.to < to) return null;
    const busy = entry.busy.filter((interval) => Date.parse(interval.end) > from && Date.parse(interval.start) < to);
    return { busy, fresh: this.clock() - entry.at < this.ttlMs };
  }

  delete(calendarId: string) {
    this.entries.delete(calendarId);
  }

  calendars(): string[] {
    return [...this.entries.keys()];
  }

  clear() {
    this.entries.clear();
  }
}
