import { afterEach, describe, expect, it, vi } from 'vitest';
import source from '../messages/en';
import { fill, intlLocale, islandMessages, messagesFor, plural, resolveMessages, SOURCE_LOCALE } from './messages';

const base = { nav: { home: 'Home', contact: 'Contact' }, count: (n: number) => `${n} items` };

describe('resolveMessages', () => {
  const run = (files: Record<string, unknown>, lang: string, defaultCode = SOURCE_LOCALE) => {
    const warnings: string[] = [];
    const messages = resolveMessages(files, base, lang, defaultCode, (key) => warnings.push(key));
    return { messages, warnings };
  };

  it.each([
    {
      name: 'a complete file: its own texts, no warning',
      files: { fr: { nav: { home: 'Accueil', contact: 'Contact' }, count: (n: number) => `${n} éléments` } },
      lang: 'fr',
      home: 'Accueil',
      warnings: [],
    },
    {
      name: 'a missing key: the source text, reported once',
      files: { fr: { nav: { home: 'Accueil' } } },
      lang: 'fr',
      home: 'Accueil',
      warnings: ['fr:nav.contact', 'fr:count'],
    },
    {
      name: 'a blank text is never shown',
      files: { fr: { nav: { home: '  ', contact: 'Contact' }, count: () => '' } },
      lang: 'fr',
      home: 'Home',
      warnings: ['fr:nav.home'],
    },
    { name: 'no file at all: one warning for the locale', files: {}, lang: 'nl', home: 'Home', warnings: ['nl:*'] },
    {
      name: 'the default locale fills the gaps before the source',
      files: { de: { nav: { home: 'Start', contact: 'Kontakt' } }, fr: { nav: { home: 'Accueil' } } },
      lang: 'fr',
      defaultCode: 'de',
      home: 'Accueil',
      contact: 'Kontakt',
      warnings: ['fr:nav.contact', 'fr:count'],
    },
  ])('$name', ({ files, lang, defaultCode, home, contact, warnings }) => {
    const result = run(files, lang, defaultCode);
    expect(result.messages.nav.home).toBe(home);
    if (contact) expect(result.messages.nav.contact).toBe(contact);
    expect(result.warnings).toEqual(warnings);
    expect(typeof result.messages.count).toBe('function');
  });
});

describe('the message files', () => {
  afterEach(() => vi.restoreAllMocks());

  it('serve French from fr.ts, English from the source', () => {
    expect(messagesFor('fr').form.submit).toBe('Envoyer le message');
    expect(messagesFor(SOURCE_LOCALE)).toBe(source);
  });

  it('fall back for a locale without a file, warning once, never blank', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(messagesFor('nl').form.submit).toBe(source.form.submit);
    expect(messagesFor('nl').layout.skipLink).toBe(source.layout.skipLink);
    expect(warn.mock.calls.filter(([message]) => String(message).includes('"nl"'))).toHaveLength(1);
  });

  it('format dates in the file’s date locale, or the code itself', () => {
    expect(intlLocale('de')).toBe('de-DE');
    expect(intlLocale('nl')).toBe('nl');
  });

  it('have no key the source lacks (a typo would never be shown)', async () => {
    const files = import.meta.glob<{ default: Record<string, Record<string, unknown>> }>('../messages/*.ts', {
      eager: true,
    });
    for (const [file, { default: messages }] of Object.entries(files)) {
      for (const [section, texts] of Object.entries(messages)) {
        expect(Object.keys(source), `${file}: ${section}`).toContain(section);
        for (const key of Object.keys(texts))
          expect(
            Object.keys((source as Record<string, Record<string, unknown>>)[section]),
            `${file}: ${section}.${key}`,
          ).toContain(key);
      }
    }
  });
});

describe('the texts of an island', () => {
  it('are the page language’s sections as plain data, which survive serialisation into props', () => {
    const messages = islandMessages('de');
    expect(messages.lang).toBe('de');
    expect(messages.dateLocale).toBe('de-DE');
    expect(messages.form.submit).toBe(messagesFor('de').form.submit);
    expect(messages.booking.timesIn).toContain('{zone}');
    // a function (or anything else JSON cannot carry) would not reach the browser
    expect(JSON.parse(JSON.stringify(messages))).toEqual(messages);
    // the site's page texts stay out of the props
    expect(Object.keys(messages)).not.toContain('layout');
  });

  it('fill placeholders and pick plural forms per locale', () => {
    expect(fill('Times in {zone} ({missing})', { zone: 'CET' })).toBe('Times in CET ({missing})');
    const seats = messagesFor('en').webinar.seatsLeft;
    expect(plural('en', 1, seats)).toBe('1 seat left');
    expect(plural('en', 4, seats)).toBe('4 seats left');
    expect(plural('de', 2, messagesFor('de').webinar.seatsLeft)).toBe('Noch 2 Plätze frei');
  });
});
