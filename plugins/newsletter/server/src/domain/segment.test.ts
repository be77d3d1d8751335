import { describe, expect, it } from 'vitest';
import { audienceFilter, segmentTopics } from './segment';

describe('segment filter building', () => {
  it('an empty segment asks nothing of the audience', () => {
    expect(audienceFilter({})).toEqual({});
    expect(segmentTopics({})).toEqual([]);
  });

  it('drops empty lists instead of asking for "none of nothing"', () => {
    expect(audienceFilter({ languages: [], sources: [], whitepapers: [], utmSources: [] })).toEqual({});
  });

  it.each([
    ['languages', { languages: ['de'] }, { languages: ['de'] }],
    [
      'confirmed range',
      { confirmedFrom: '2026-01-01', confirmedBefore: '2026-07-01' },
      { confirmedFrom: '2026-01-01', confirmedBefore: '2026-07-01' },
    ],
    [
      'UTM',
      { utmSources: ['linkedin'], utmMediums: ['paid'], utmCampaigns: ['q4'] },
      { utmSources: ['linkedin'], utmMediums: ['paid'], utmCampaigns: ['q4'] },
    ],
    [
      'sources as activity types (OR)',
      { sources: ['contact-form', 'booking'] },
      { activities: [{ types: ['contact-form', 'booking'] }] },
    ],
    [
      'whitepapers downloaded',
      { whitepapers: ['p1', 'p2'] },
      { activities: [{ types: ['whitepaper-download'], references: ['p1', 'p2'] }] },
    ],
    [
      'webinars registered',
      { webinars: ['w1'] },
      { activities: [{ types: ['webinar-registration'], references: ['w1'] }] },
    ],
    ['booked a meeting', { booked: true }, { activities: [{ types: ['booking'] }] }],
    ['not booked is no condition', { booked: false }, {}],
    [
      "other plugins' criteria (webinar attendance, Odoo stage)",
      {
        criteria: [
          { name: 'webinar-attended', values: ['w1'] },
          { name: 'odoo-stage', values: ['Qualified', 'Won'] },
        ],
      },
      {
        criteria: [
          { name: 'webinar-attended', values: ['w1'] },
          { name: 'odoo-stage', values: ['Qualified', 'Won'] },
        ],
      },
    ],
    ['a criterion without values is no condition', { criteria: [{ name: 'odoo-stage', values: [] }] }, {}],
  ])('maps %s', (_name, segment, expected) => {
    expect(audienceFilter(segment)).toEqual(expected);
  });

  it('combines several activity conditions with AND (one entry each)', () => {
    expect(audienceFilter({ whitepapers: ['p1'], booked: true, sources: ['contact-form'] }).activities).toEqual([
      { types: ['contact-form'] },
      { types: ['whitepaper-download'], references: ['p1'] },
      { types: ['booking'] },
    ]);
  });

  it('keeps the topics for the newsletter side and copies the lists', () => {
    const topics = ['product-news'];
    const segment = { topics, languages: ['en'] };
    expect(segmentTopics(segment)).toEqual(['product-news']);
    expect(segmentTopics(segment)).not.toBe(topics);
    expect(audienceFilter(segment)).toEqual({ languages: ['en'] });
  });
});
