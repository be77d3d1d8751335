import { describe, expect, it } from 'vitest';
import { loadTranslations, makeGetTranslation } from './translations';

const en = { 'plugin.name': 'Leads', 'page.title': 'Contacts', 'page.only-en': 'Only in English' };
const de = { 'plugin.name': 'Leads', 'page.title': 'Kontakte' };
const sources = { en: async () => ({ default: en }), de: async () => ({ default: de }) };

describe('makeGetTranslation', () => {
  it('prefixes an id with the plugin id', () => {
    expect(makeGetTranslation('odoo-sync')('plugin.name')).toBe('odoo-sync.plugin.name');
  });
});

describe('loadTranslations', () => {
  it('registers English under the plugin prefix', async () => {
    const [english] = await loadTranslations('leads', sources, ['en']);
    expect(english).toEqual({
      locale: 'en',
      data: { 'leads.plugin.name': 'Leads', 'leads.page.title': 'Contacts', 'leads.page.only-en': 'Only in English' },
    });
  });

  it('uses the German message where there is one and the English one for a missing key', async () => {
    const [german] = await loadTranslations('leads', sources, ['de']);
    expect(german.data['leads.page.title']).toBe('Kontakte');
    expect(german.data['leads.page.only-en']).toBe('Only in English');
  });

  it('gives a locale without a file the English messages', async () => {
    const result = await loadTranslations('leads', sources, ['en', 'fr', 'de']);
    expect(result.map((entry) => entry.locale)).toEqual(['en', 'fr', 'de']);
    expect(result[1].data).toEqual(result[0].data);
  });

  it('falls back to English when a locale file fails to load', async () => {
    const broken = { ...sources, de: async () => Promise.reject(new Error('chunk failed')) };
    const [german] = await loadTranslations('leads', broken, ['de']);
    expect(german.data['leads.page.title']).toBe('Contacts');
  });

  it('does not treat inherited object keys as locales', async () => {
    const [result] = await loadTranslations('leads', sources, ['toString']);
    expect(result.data['leads.page.title']).toBe('Contacts');
  });

  it('registers nothing when even English cannot be loaded', async () => {
    const [result] = await loadTranslations('leads', { en: async () => Promise.reject(new Error('offline')) }, ['en']);
    expect(result).toEqual({ locale: 'en', data: {} });
  });
});
