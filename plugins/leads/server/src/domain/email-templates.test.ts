import { describe, expect, it } from 'vitest';
import { renderEmail } from './email-templates';

describe('renderEmail', () => {
  it('renders the German confirmation with the link in text and HTML', () => {
    const email = renderEmail('confirm-subscription', 'de', {
      firstName: 'Jürgen',
      confirmUrl: 'https://cms.example/api/leads/confirm?token=a.b',
    });
    expect(email.subject).toContain('bestätigen');
    expect(email.text).toContain('Hallo,');
    // sent to an address nobody has verified: a typed name is a line of someone else's text
    expect(email.text + email.html).not.toContain('Jürgen');
    expect(email.text).toContain('https://cms.example/api/leads/confirm?token=a.b');
    expect(email.html).toContain('href="https://cms.example/api/leads/confirm?token=a.b"');
  });

  it('escapes what a visitor typed', () => {
    const email = renderEmail('sales-notification', 'en', {
      lead: { email: 'a@example.com', name: '<b>Eve</b>' },
      message: '<script>alert(1)</script>',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
  });

  it.each(['en', 'de'] as const)(
    "never puts the visitor's message or name into the %s contact receipt (phishing relay)",
    (locale) => {
      const phishing = 'Your account is locked: verify at https://evil.example/login';
      const email = renderEmail('contact-receipt', locale, {
        firstName: 'Urgent Security Team',
        message: phishing,
        siteUrl: `https://magnetiq.example/${locale}/`,
      });
      for (const part of [email.subject, email.text, email.html]) {
        expect(part).not.toContain('evil.example');
        expect(part).not.toContain('Your account is locked');
        expect(part).not.toContain('Urgent Security Team');
      }
      expect(email.text).toContain(`https://magnetiq.example/${locale}/`);
      expect(email.html).toContain(`href="https://magnetiq.example/${locale}/"`);
    },
  );

  it('lists only the lead fields that are present in the sales notification', () => {
    const email = renderEmail('sales-notification', 'en', {
      lead: { email: 'a@example.com', company: 'ACME' },
      message: 'Hi',
    });
    expect(email.subject).toBe('New lead: a@example.com (ACME)');
    expect(email.text).toContain('Company: ACME');
    expect(email.text).not.toContain('Phone');
  });

  it('refuses a confirmation without a link', () => {
    expect(() => renderEmail('confirm-subscription', 'en', {})).toThrow('confirmUrl');
  });
});
