import { describe, expect, it } from 'vitest';
import { slugFromTitle, slugProblem } from './slugs';

describe('slugFromTitle', () => {
  it.each([
    ['Home', 'en', 'home'],
    ['About us', 'en', 'about-us'],
    ['Über uns', 'de', 'ueber-uns'],
    ['Größere Pipeline, weniger Aufwand!', 'de', 'groessere-pipeline-weniger-aufwand'],
    ['  Lead scoring: 5 rules -- that work  ', 'en', 'lead-scoring-5-rules-that-work'],
    ['B2B & SaaS', 'en', 'b2b-and-saas'],
  ])('turns %j (%s) into %j', (title, locale, slug) => {
    expect(slugFromTitle(title, locale)).toBe(slug);
    expect(slugProblem(slugFromTitle(title, locale))).toBeNull();
  });

  it('cuts long titles without leaving a trailing hyphen', () => {
    const slug = slugFromTitle(`${'word '.repeat(40)}end`);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('slugProblem', () => {
  it.each(['About', 'about us', 'about--us', '-about', 'about-', 'über', 'a/b', ''])('rejects %j', (slug) => {
    expect(slugProblem(slug)).not.toBeNull();
  });

  it.each(['about', 'about-us', 'b2b', '2026-outlook'])('accepts %j', (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });
});
