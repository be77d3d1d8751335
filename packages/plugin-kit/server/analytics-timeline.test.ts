import { describe, expect, it } from 'vitest';
import { fillTimeline, orderTypes } from './analytics-timeline';

const days = {
  start: new Date('2031-01-01T00:00:00Z'),
  end: new Date('2031-01-04T00:00:00Z'),
  interval: 'day' as const,
};

describe('fillTimeline', () => {
  it('gives days without leads a zero for every type', () => {
    const timeline = fillTimeline(days, [
      { bucket: '2031-01-01', type: 'booking', count: 2 },
      { bucket: '2031-01-03', type: 'contact-form', count: 1 },
    ]);
    expect(timeline.types).toEqual(['contact-form', 'booking']);
    expect(timeline.buckets).toEqual([
      { bucket: '2031-01-01', total: 2, counts: { 'contact-form': 0, booking: 2 } },
      { bucket: '2031-01-02', total: 0, counts: { 'contact-form': 0, booking: 0 } },
      { bucket: '2031-01-03', total: 1, counts: { 'contact-form': 1, booking: 0 } },
    ]);
  });

  it('has no types and only zero buckets when nothing happened', () => {
    expect(fillTimeline(days, []).buckets.map((bucket) => bucket.total)).toEqual([0, 0, 0]);
  });

  it('refuses a bucket outside the range', () => {
    expect(() => fillTimeline(days, [{ bucket: '2030-12-31', type: 'booking', count: 1 }])).toThrow(/outside/);
  });
});

describe('orderTypes', () => {
  it('puts the known types first, in their order, then the others alphabetically', () => {
    expect(orderTypes(['webinar-attendance', 'booking', 'contact-form', 'a-new-type'])).toEqual([
      'contact-form',
      'booking',
      'a-new-type',
      'webinar-attendance',
    ]);
  });
});
