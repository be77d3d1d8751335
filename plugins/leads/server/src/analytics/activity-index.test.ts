import { describe, expect, it } from 'vitest';
import { ActivityIndex, UTM_DIMENSIONS, type IndexQuery, type IndexRow } from './activity-index';

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

const DAY0 = 22_000; // 2030-03-26
const pick = random(7);
const contacts = Array.from({ length: 60 }, (_, i) => ({ id: 100 + i, confirmed: i % 3 !== 0 }));
const rows: IndexRow[] = contacts
  .flatMap((contact) =>
    Array.from({ length: pick(5) }, (): IndexRow => ({
      day: DAY0 + pick(40),
      contact: contact.id,
      documentId: `doc-${contact.id}`,
      confirmed: contact.confirmed,
      language: [null, 'en', 'de', 'fr'][pick(4)],
      type: ['contact-form', 'booking', 'whitepaper-download'][pick(3)],
      source: [null, 'google', 'linkedin'][pick(3)],
      medium: [null, 'cpc', 'social'][pick(3)],
      campaign: [null, 'spring', 'fair', 'ai'][pick(4)],
    })),
  )
  // activities without a contact count in the timeline only
  .concat(
    Array.from({ length: 8 }, (_, i): IndexRow => ({
      day: DAY0 + i * 5,
      contact: null,
      documentId: null,
      confirmed: false,
      language: 'en',
      type: 'booking',
      source: 'orphan',
      medium: null,
      campaign: null,
    })),
  );

/** The same figures by brute force, the way SQL defined them (ADR 0011). */
function expected(query: IndexQuery) {
  const selected = rows.filter(
    (row) =>
      row.day >= query.startDay && row.day < query.endDay && (query.locale === 'all' || row.language === query.locale),
  );
  const linked = selected.filter((row) => row.contact !== null);
  const active = new Set(linked.map((row) => row.contact));
  const confirmed = (ids: Set<number | null>) => [...ids].filter((id) => contacts[Number(id) - 100].confirmed).length;
  const bucketOf = (day: number) => (query.interval === 'week' ? day - ((day + 3) % 7) : day);
  const timeline = new Map<string, number>();
  for (const row of selected) {
    const key = `${new Date(bucketOf(row.day) * 86_400_000).toISOString().slice(0, 10)}|${row.type}`;
    timeline.set(key, (timeline.get(key) ?? 0) + 1);
  }
  const utm = Object.fromEntries(
    UTM_DIMENSIONS.map((dimension) => {
      const groups = new Map<string | null, { activities: number; ids: Set<number | null> }>();
      for (const row of linked) {
        const group = groups.get(row[dimension]) ?? { activities: 0, ids: new Set() };
        group.activities += 1;
        group.ids.add(row.contact);
        groups.set(row[dimension], group);
      }
      return [
        dimension,
        [...groups]
          .map(([value, group]) => ({
            value,
            activities: group.activities,
            contacts: group.ids.size,
            confirmed: confirmed(group.ids),
          }))
          .sort((a, b) => String(a.value).localeCompare(String(b.value))),
      ];
    }),
  );
  return { timeline, submitted: active.size, confirmed: confirmed(active), utm };
}

describe('ActivityIndex', () => {
  const index = new ActivityIndex(rows);
  const queries: IndexQuery[] = [];
  for (const locale of ['all', 'en', 'de', 'es'])
    for (const interval of ['day', 'week'] as const)
      for (const [start, end] of [
        [0, 40],
        [3, 4],
        [10, 31],
        [39, 41],
        [-5, 0],
      ])
        queries.push({ startDay: DAY0 + start, endDay: DAY0 + end, locale, interval });

  it.each(queries)('answers %j exactly as the grouped SQL did', (query) => {
    const answer = index.answer(query);
    const want = expected(query);
    expect(answer.submitted).toBe(want.submitted);
    expect(answer.confirmed).toBe(want.confirmed);
    expect(new Map(answer.timeline.map((row) => [`${row.bucket}|${row.type}`, row.count]))).toEqual(want.timeline);
    for (const dimension of UTM_DIMENSIONS)
      expect([...answer.utm[dimension]].sort((a, b) => String(a.value).localeCompare(String(b.value)))).toEqual(
        want.utm[dimension],
      );
  });

  it('counts the contacts of groups of document ids active in a range, and reuses their resolution', () => {
    const query: IndexQuery = { startDay: DAY0 + 5, endDay: DAY0 + 25, locale: 'all', interval: 'day' };
    const want = new Set(
      rows
        .filter((row) => row.contact !== null && row.day >= DAY0 + 5 && row.day < DAY0 + 25)
        .map((row) => row.documentId),
    );
    const everyone = contacts.map((contact) => `doc-${contact.id}`).concat('unknown');
    const even = contacts.filter((contact) => contact.id % 2 === 0).map((contact) => `doc-${contact.id}`);
    const groups = { everyone, even };
    const expectedCounts = {
      everyone: everyone.filter((id) => want.has(id)).length,
      even: even.filter((id) => want.has(id)).length,
    };
    expect(expectedCounts.everyone).toBeGreaterThan(0);
    expect(index.countActive(query, groups)).toEqual(expectedCounts);
    expect(index.countActive(query, groups)).toEqual(expectedCounts);
    // after answer() for the same filter (the marks are shared) and for another one
    index.answer(query);
    expect(index.countActive(query, groups)).toEqual(expectedCounts);
    expect(index.countActive({ ...query, locale: 'all', startDay: DAY0 - 10, endDay: DAY0 - 1 }, groups)).toEqual({
      everyone: 0,
      even: 0,
    });
  });

  it('answers an empty database with zeros', () => {
    const empty = new ActivityIndex([]).answer({ startDay: DAY0, endDay: DAY0 + 7, locale: 'all', interval: 'week' });
    expect(empty).toEqual({ timeline: [], submitted: 0, confirmed: 0, utm: { source: [], medium: [], campaign: [] } });
  });
});
