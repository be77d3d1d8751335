import { describe, expect, it } from 'vitest';
import { cleanTexts, textFault } from './text-hygiene';

describe('textFault', () => {
  it.each([
    ['plain text', 'Acme GmbH', null],
    ['tab, newline and CRLF', 'line 1\r\nline 2\tend', null],
    ['emoji (a surrogate pair)', 'hi \ud83d\ude00', null],
    ['a NUL', 'a\u0000b', 'control-character'],
    ['a bell', 'a\u0007', 'control-character'],
    ['an escape', '\u001b[31mred', 'control-character'],
    ['a vertical tab', 'a\u000bb', 'control-character'],
    ['a lone high surrogate', 'a\ud83d', 'lone-surrogate'],
    ['a lone low surrogate', '\ude00b', 'lone-surrogate'],
    ['two high surrogates', '\ud83d\ud83d\ude00', 'lone-surrogate'],
  ])('%s', (_label, value, expected) => {
    expect(textFault(value)).toBe(expected);
  });
});

describe('cleanTexts', () => {
  it('normalises every string to NFC, nested ones too', () => {
    const decomposed = 'Jose\u0301';
    const { value, problems } = cleanTexts({
      firstName: decomposed,
      utm: { source: decomposed },
      answers: { q1: decomposed },
      list: [decomposed],
    });
    expect(problems).toEqual([]);
    expect(value).toEqual({ firstName: 'José', utm: { source: 'José' }, answers: { q1: 'José' }, list: ['José'] });
  });

  it('names every field with a control character or a lone surrogate', () => {
    const { problems } = cleanTexts({
      company: 'a\u0000b',
      utm: { source: 'x\u0001' },
      message: 'ok',
      answers: { q1: '\ud800' },
    });
    expect(problems.map((problem) => problem.path)).toEqual([['company'], ['utm', 'source'], ['answers', 'q1']]);
    expect(problems[0].message).toBe('company must not contain control characters');
    expect(problems[2].message).toBe('answers.q1 must be valid Unicode text');
  });

  it('names a field under a key with markup without echoing the markup', () => {
    const { problems } = cleanTexts({ id: { '<script>alert(1)</script>': '\u0000' } });
    expect(problems[0].message).not.toContain('<');
    expect(problems[0].path).toEqual(['id', '?script?alert?1???script?']);
  });

  it('refuses a key with a NUL without echoing it', () => {
    const { problems } = cleanTexts({ answers: { 'a\u0000': 'x' } });
    expect(problems.map((problem) => problem.path)).toEqual([['answers', 'a?']]);
  });

  it('keeps a "__proto__" key an own key, not the prototype', () => {
    const { value } = cleanTexts(JSON.parse('{"__proto__":{"polluted":1}}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });

  it('leaves numbers, booleans and null alone', () => {
    expect(cleanTexts({ a: 1, b: true, c: null }).value).toEqual({ a: 1, b: true, c: null });
  });
});
