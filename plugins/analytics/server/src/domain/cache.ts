/**
 * A small time-to-live cache with single flight: while one computation for a key runs, other
 * callers wait for it instead of starting their own (ten admins opening the dashboard at once run
 * the aggregate queries once). Failed computations are not kept. The clock is injected for tests.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 200,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const time = this.now();
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > time) return cached.value;
    if (this.entries.size >= this.maxEntries) {
      for (const [candidate, entry] of this.entries) if (entry.expiresAt <= time) this.entries.delete(candidate);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    const value = compute();
    this.entries.set(key, { expiresAt: time + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
