import { describe, expect, it } from 'vitest';
import { cancelPage } from './pages';

describe('cancel pages', () => {
  it('asks before cancelling, with a form that posts the token back', () => {
    const html = cancelPage('confirm', {
      locale: 'en',
      webinarTitle: 'A <b>webinar</b>',
      token: 'abc"def',
      actionUrl: '/api/webinars/registrations/cancel',
      backUrl: 'https://site.test/en/webinars',
    });
    expect(html).toContain('<form method="post" action="/api/webinars/registrations/cancel">');
    expect(html).toContain('value="abc&quot;def"');
    expect(html).toContain('A &lt;b&gt;webinar&lt;/b&gt;');
    expect(html).not.toContain('<b>webinar</b>');
  });

  it.each(['cancelled', 'invalid', 'closed'] as const)('%s page has no form, in German too', (state) => {
    const html = cancelPage(state, { locale: 'de', webinarTitle: 'Webinar', backUrl: 'https://site.test/de/webinare' });
    expect(html).not.toContain('<form');
    expect(html).toContain('lang="de"');
  });
});
