import { describe, expect, it } from 'vitest';
import { normaliseUid, refusedSubject, subjectsOf, withOwnedFields } from './admin-boundary';

const rules = { hidden: new Set(['plugin::booking.booking', 'plugin::leads.contact']) };

describe('normaliseUid', () => {
  it.each([
    ['plugin::leads.consent', 'plugin::leads.consent'],
    ['PLUGIN::Leads.Consent', 'plugin::leads.consent'],
    ['plugin%3A%3Aleads.consent', 'plugin::leads.consent'],
    ['plugin%253A%253Aleads.consent', 'plugin::leads.consent'],
    ['plugin%3a%3aLEADS.audit-log', 'plugin::leads.audit-log'],
    ['%E0%A4%A', '%e0%a4%a'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUid(input)).toBe(expected);
  });

  it('ignores what cannot be a uid', () => {
    expect(normaliseUid(undefined)).toBeNull();
    expect(normaliseUid(42)).toBeNull();
    expect(normaliseUid('')).toBeNull();
    expect(normaliseUid('x'.repeat(301))).toBeNull();
  });
});

describe('refusedSubject', () => {
  it.each([
    ['a lead type as :model', { params: { model: 'plugin::leads.consent', id: 'abc' } }, 'plugin::leads.consent'],
    ['a lead type in upper case', { params: { model: 'PLUGIN::LEADS.AUDIT-LOG' } }, 'plugin::leads.audit-log'],
    ['a lead type percent-encoded twice', { params: { model: 'plugin%253A%253Aleads.email' } }, 'plugin::leads.email'],
    ['a lead type as :uid (configuration)', { params: { uid: 'plugin::leads.outbox' } }, 'plugin::leads.outbox'],
    [
      'a lead type in the body (uid generation)',
      { body: { contentTypeUID: 'plugin::leads.contact' } },
      'plugin::leads.contact',
    ],
    [
      'a lead type in the query (history)',
      { query: { contentType: 'plugin::leads.activity' } },
      'plugin::leads.activity',
    ],
    ['a hidden type of another plugin', { params: { model: 'plugin::booking.booking' } }, 'plugin::booking.booking'],
    [
      'a relation whose target is a lead type',
      { params: { model: 'api::page.page', targetField: 'x' }, relationTarget: 'plugin::leads.contact' },
      'plugin::leads.contact',
    ],
  ])('refuses %s', (_name, request, expected) => {
    expect(refusedSubject(request, rules)).toBe(expected);
  });

  it.each([
    ['a visible content type', { params: { model: 'api::page.page', id: 'abc' } }],
    ['a plugin type that is visible', { params: { model: 'plugin::whitepapers.whitepaper' } }],
    [
      'a relation to a hidden type of Strapi (a user role)',
      {
        params: { model: 'plugin::users-permissions.user', targetField: 'role' },
        relationTarget: 'plugin::users-permissions.role',
      },
    ],
    ['a body that is an array', { body: ['plugin::leads.contact'] }],
    ['no subject at all', {}],
  ])('lets through %s', (_name, request) => {
    expect(refusedSubject(request, rules)).toBeNull();
  });

  it('reads every path parameter, not only :model', () => {
    expect(subjectsOf({ params: { contentType: 'Plugin::Leads.Contact' } })).toEqual(['plugin::leads.contact']);
  });
});

describe('withOwnedFields', () => {
  const owned = ['fileKey', 'fileSize'];

  it('drops what an editor sent for a code-owned field when nothing is stored', () => {
    expect(withOwnedFields({ title: 'T', fileKey: '../../.env', fileSize: 400 }, owned, null)).toEqual({ title: 'T' });
  });

  it('keeps the stored value instead of the editor’s', () => {
    expect(withOwnedFields({ title: 'T', fileKey: '../../.env' }, owned, { fileKey: 'a.pdf', fileSize: 12 })).toEqual({
      title: 'T',
      fileKey: 'a.pdf',
      fileSize: 12,
    });
  });

  it('does not write empty stored values', () => {
    expect(withOwnedFields({ title: 'T' }, owned, { fileKey: null })).toEqual({ title: 'T' });
  });

  it('leaves other fields and the input object alone', () => {
    const data = { title: 'T', fileKey: 'x' };
    withOwnedFields(data, owned, null);
    expect(data).toEqual({ title: 'T', fileKey: 'x' });
  });
});
