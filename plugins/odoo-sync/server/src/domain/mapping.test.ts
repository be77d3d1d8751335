import { describe, expect, it } from 'vitest';
import {
  activityBlock,
  createdByMagnetiq,
  foreignPartnerNote,
  ilikeExact,
  isConfirmed,
  leadDescription,
  leadKey,
  leadName,
  leadValues,
  newPartnerValues,
  odooLanguage,
  partnerUpdates,
  tagNames,
  type LeadEvent,
} from './mapping';

const event = (
  overrides: { contact?: Partial<LeadEvent['contact']>; activity?: Partial<LeadEvent['activity']> } = {},
): LeadEvent => ({
  contact: {
    documentId: 'c1',
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    company: 'Engines Ltd',
    jobTitle: 'CTO',
    phone: '+44 20 1234',
    language: 'en',
    updatedAt: '2026-11-25T10:00:00.000Z',
    ...overrides.contact,
  },
  activity: {
    documentId: 'a1',
    type: 'contact-form',
    reference: null,
    title: 'Contact form',
    utmSource: 'newsletter',
    details: { message: 'Please call me.' },
    occurredAt: '2026-11-25T09:59:00.000Z',
    ...overrides.activity,
  },
  consents: [
    { purpose: 'data-processing', action: 'granted', textVersion: 'v1', recordedAt: '2026-11-25T09:59:00.000Z' },
  ],
});

describe('leadName', () => {
  it.each([
    ['a contact form names the company', { type: 'contact-form', title: null }, {}, 'Contact form: Engines Ltd'],
    [
      'a webinar registration names the webinar',
      { type: 'webinar-registration', title: 'Pipeline basics' },
      {},
      'Webinar: Pipeline basics',
    ],
    ['a whitepaper names the paper', { type: 'whitepaper-download', title: 'B2B guide' }, {}, 'Whitepaper: B2B guide'],
    ['a booking names the meeting', { type: 'booking', title: 'Intro call' }, {}, 'Consultation: Intro call'],
    ['an unknown type is humanised', { type: 'trade-show_scan', title: 'Expo' }, {}, 'Trade show scan: Expo'],
    [
      'without company the person is named',
      { type: 'contact-form', title: null },
      { company: null },
      'Contact form: Ada Lovelace',
    ],
    [
      'without anything the email is used',
      { type: 'contact-form', title: null },
      { company: null, firstName: null, lastName: ' ' },
      'Contact form: ada@example.com',
    ],
  ])('%s', (_label, activity, contact, expected) => {
    expect(leadName(event({ activity, contact }))).toBe(expected);
  });
});

describe('leadKey and tags', () => {
  it('gives the same key for the same contact and item, another for another item', () => {
    const first = leadKey(event({ activity: { type: 'webinar-registration', reference: 'w1', documentId: 'a1' } }));
    const again = leadKey(event({ activity: { type: 'webinar-registration', reference: 'w1', documentId: 'a2' } }));
    const other = leadKey(event({ activity: { type: 'webinar-registration', reference: 'w2' } }));
    expect(first).toBe(again);
    expect(other).not.toBe(first);
  });

  it.each([
    [{ type: 'webinar-registration', title: 'Pipeline basics' }, ['Webinar', 'Webinar: Pipeline basics']],
    [{ type: 'contact-form', title: null, reference: null }, ['Contact form']],
    [{ type: 'contact-form', title: 'Contact form', reference: null }, ['Contact form']],
  ])('tags %o as %o', (activity, expected) => {
    expect(tagNames(event({ activity }).activity)).toEqual(expected);
  });
});

describe('partners', () => {
  it('creates a person with company, language and our reference, leaving out empty fields', () => {
    expect(newPartnerValues(event({ contact: { phone: '' } }).contact, { companyId: 7, lang: 'en_US' })).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      function: 'CTO',
      parent_id: 7,
      lang: 'en_US',
      ref: 'magnetiq:c1',
    });
  });

  const partner = {
    id: 3,
    ref: 'magnetiq:c1',
    name: 'Ada L.',
    phone: false as const,
    function: 'Engineer',
    parent_id: false as const,
    write_date: '2026-11-25 09:00:00',
  };

  it.each([
    [
      'ours is newer: name, phone and job title are updated, the company set',
      '2026-11-25T10:00:00Z',
      { name: 'Ada Lovelace', phone: '+44 20 1234', function: 'CTO', parent_id: 9 },
    ],
    ['Odoo is newer: only the missing company is set', '2026-11-25T08:00:00Z', { parent_id: 9 }],
  ])('%s', (_label, updatedAt, expected) => {
    expect(partnerUpdates(partner, event({ contact: { updatedAt } }).contact, { companyId: 9 })).toEqual(expected);
  });

  it('never overwrites with an empty value', () => {
    expect(
      partnerUpdates({ ...partner, phone: '+1 555' }, event({ contact: { phone: null, jobTitle: '' } }).contact, {}),
    ).toEqual({ name: 'Ada Lovelace' });
  });
});

describe('leads', () => {
  it('maps an event to crm.lead values', () => {
    const values = leadValues(event(), 'k1', { partnerId: 3, sourceId: 11, tagIds: [5, 6], langId: 1 });
    expect(values).toMatchObject({
      type: 'lead',
      name: 'Contact form: Engines Ltd',
      partner_id: 3,
      contact_name: 'Ada Lovelace',
      partner_name: 'Engines Ltd',
      email_from: 'ada@example.com',
      source_id: 11,
      tag_ids: [[6, 0, [5, 6]]],
      lang_id: 1,
    });
    expect(values).not.toHaveProperty('medium_id');
    expect(values.description).toContain('Please call me.');
    expect(values.description).toContain('- data-processing: granted (2026-11-25, text v1)');
    expect(values.description).toMatch(/\[magnetiq-lead:k1\]$/);
  });

  it('puts a new event first and keeps the earlier ones, once each', () => {
    const first = leadDescription(event(), 'k1');
    const second = leadDescription(
      event({
        activity: { documentId: 'a2', details: { message: 'Still interested.' }, occurredAt: '2026-11-26T08:00:00Z' },
      }),
      'k1',
      first,
    );
    expect(second.indexOf('Still interested.')).toBeLessThan(second.indexOf('Please call me.'));
    expect(second.match(/\[magnetiq-lead:k1\]/g)).toHaveLength(1);
    expect(second.match(/Consent:/g)).toHaveLength(1);
    // a replay of the second event changes nothing
    expect(
      leadDescription(
        event({
          activity: { documentId: 'a2', details: { message: 'Still interested.' }, occurredAt: '2026-11-26T08:00:00Z' },
        }),
        'k1',
        second,
      ),
    ).toBe(second);
  });
});

describe('helpers', () => {
  it.each([
    ['de', 'de_DE'],
    ['en', 'en_US'],
    [null, 'en_US'],
  ])('maps language %s to %s', (language, expected) => {
    expect(odooLanguage(language)).toBe(expected);
  });

  it('escapes ILIKE wildcards in an address', () => {
    expect(ilikeExact('a_b%c\\d@example.com')).toBe('a\\_b\\%c\\\\d@example.com');
  });
});

describe('contact identity (docs/adr/0014-contact-identity.md)', () => {
  it.each([
    ['our reference', 'magnetiq:abc', true],
    ['another contact of ours', 'magnetiq:other', true],
    ['a customer number', 'CUST-0042', false],
    ['no reference', false, false],
    ['a reference that only contains ours', 'x magnetiq:abc', false],
  ] as const)('a partner with %s is ours: %s', (_label, ref, expected) => {
    expect(createdByMagnetiq({ ref })).toBe(expected);
  });

  it.each([
    [null, false],
    [undefined, false],
    ['2026-12-01T10:00:00Z', true],
  ])('confirmedAt %s makes the contact confirmed: %s', (confirmedAt, expected) => {
    expect(isConfirmed({ confirmedAt })).toBe(expected);
  });

  it('notes the foreign partner and what the form said, quoted', () => {
    expect(foreignPartnerNote(17, { firstName: 'Mallory', company: 'Evil Corp', phone: '+1 555' })).toBe(
      'Note: linked to the existing Odoo partner #17, which Magnetiq did not create and did not change. The form said: name "Mallory", company "Evil Corp", phone "+1 555".',
    );
    expect(foreignPartnerNote(17, null)).toBe(
      'Note: linked to the existing Odoo partner #17, which Magnetiq did not create and did not change.',
    );
  });

  it('puts notes between the header and the message of an activity block', () => {
    const block = activityBlock(
      {
        activity: {
          documentId: 'a1',
          type: 'contact-form',
          occurredAt: '2026-12-01T10:00:00Z',
          details: { message: 'Hi' },
        },
      },
      ['Note: x'],
    );
    expect(block).toBe('Contact form on 2026-12-01 (ref a1)\nNote: x\nHi');
  });
});
