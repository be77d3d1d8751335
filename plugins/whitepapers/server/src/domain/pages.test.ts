import { describe, expect, it } from 'vitest';
import { linkProblemPage } from './pages';

describe('linkProblemPage', () => {
  it('offers a new link for an expired one, in German', () => {
    const html = linkProblemPage('expired', { locale: 'de', requestUrl: 'https://site.test/de/whitepapers/x' });
    expect(html).toContain('abgelaufen');
    expect(html).toContain('href="https://site.test/de/whitepapers/x"');
  });

  it('escapes the request URL', () => {
    expect(linkProblemPage('invalid', { requestUrl: 'https://site.test/"><script>' })).not.toContain('<script>');
  });
});
