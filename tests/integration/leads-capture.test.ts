/**
 * The public capture API of the leads core: POST /api/leads/submissions against a real Strapi on
 * PostgreSQL. Rows are checked with SQL because the API deliberately does not expose them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { api, clientIp } from '../helpers/http';
import { count, db, rows } from '../helpers/db';
import { confirmedContact, uniqueEmail, submission } from '../helpers/leads';

const submit = (body: unknown, init: { ip?: string; headers?: Record<string, string> } = {}) =>
  api('/api/leads/submissions', { method: 'POST', json: body, ip: init.ip ?? clientIp(), headers: init.headers });

const contactRows = (email: string) => rows('select * from leads_contacts where email = $1', [email]);

describe('POST /api/leads/submissions', () => {
  it('answers 201 without internal ids and stores contact, consents, activity and outbox rows', async () => {
    const email = uniqueEmail('capture');
    const response = await submit(
      submission({
        email: `  ${email.toUpperCase()} `,
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: 'Analytical Engines Ltd',
        consent: { dataProcessing: true, marketingEmail: true, textVersion: 'contact-2026-11' },
        utm: { source: 'newsletter', medium: 'email', campaign: 'autumn' },
        landingPage: 'https://magnetiq.example/en/contact/',
      }),
      { headers: { 'User-Agent': 'vitest-agent' } },
    );

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ data: { received: true } });

    const [contact] = await contactRows(email);
    expect(contact).toMatchObject({
      email,
      first_name: 'Ada',
      last_name: 'Lovelace',
      company: 'Analytical Engines Ltd',
      status: 'new',
      language: 'en',
    });

    const consents = await rows(
      `select c.purpose, c.action, c.text_version, c.source, c.ip_hash, c.user_agent from leads_consents c
       join leads_consents_contact_lnk l on l.consent_id = c.id where l.contact_id = $1 order by c.purpose`,
      [contact.id],
    );
    expect(consents).toEqual([
      expect.objectContaining({
        purpose: 'data-processing',
        action: 'granted',
        text_version: 'contact-2026-11',
        source: 'contact-form',
        user_agent: 'vitest-agent',
      }),
      expect.objectContaining({ purpose: 'marketing-email', action: 'requested', text_version: 'contact-2026-11' }),
    ]);
    // the IP is kept only as a keyed hash
    expect(consents[0].ip_hash).toMatch(/^[0-9a-f]{32,}$/);

    const activities = await rows(
      `select a.type, a.utm_source, a.utm_medium, a.utm_campaign, a.landing_page, a.details from leads_activities a
       join leads_activities_contact_lnk l on l.activity_id = a.id where l.contact_id = $1`,
      [contact.id],
    );
    expect(activities).toEqual([
      expect.objectContaining({
        type: 'contact-form',
        utm_source: 'newsletter',
        utm_medium: 'email',
        utm_campaign: 'autumn',
        landing_page: 'https://magnetiq.example/en/contact/',
      }),
    ]);
    expect(activities[0].details).toMatchObject({ message: expect.stringContaining('Hello') });

    const topics = await rows(
      `select topic, idempotency_key from leads_outbox where contact_id = $1 order by idempotency_key`,
      [contact.id],
    );
    expect(topics.map((row) => row.idempotency_key.split(':').slice(0, 2).join(':')).sort()).toEqual([
      'email:confirm-subscription',
      'email:contact-receipt',
      'email:sales-notification',
      expect.stringMatching(/^odoo:/),
    ]);
  });

  it('gives the same answer for a known email and keeps one contact per normalised address', async () => {
    const email = uniqueEmail('known');
    const first = await submit(submission({ email, company: 'First Co' }));
    const second = await submit(submission({ email: email.replace('known', 'KNOWN'), company: null, jobTitle: 'CTO' }));

    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    const contacts = await contactRows(email);
    expect(contacts).toHaveLength(1);
    // empty fields never erase what we know; new values are added
    expect(contacts[0]).toMatchObject({ company: 'First Co', job_title: 'CTO' });
    expect(
      await count('select count(*) from leads_activities_contact_lnk where contact_id = $1', [contacts[0].id]),
    ).toBe(2);
  });

  it("never overwrites a confirmed contact's identity from a public form: fills only empty fields and keeps what was typed on the activity (issue 17)", async () => {
    const email = uniqueEmail('identity');
    await confirmedContact(email, {
      firstName: 'Grace',
      lastName: 'Hopper',
      company: 'Navy Labs',
      phone: '+1 202 555 0100',
    });
    // anyone who knows the address submits under it
    const response = await submit(
      submission({
        email,
        firstName: 'Mallory',
        lastName: 'Attacker',
        company: 'Evil Corp',
        phone: '+1 666 666',
        jobTitle: 'Fraud Lead',
      }),
    );
    expect(response.status).toBe(201);

    const [contact] = await contactRows(email);
    expect(contact).toMatchObject({
      first_name: 'Grace',
      last_name: 'Hopper',
      company: 'Navy Labs',
      phone: '+1 202 555 0100',
      status: 'confirmed',
    });
    // an empty field is filled
    expect(contact.job_title).toBe('Fraud Lead');
    const [activity] = await rows(
      `select a.details from leads_activities a join leads_activities_contact_lnk l on l.activity_id = a.id where l.contact_id = $1 and a.type = 'contact-form'`,
      [contact.id],
    );
    expect(activity.details.submitted).toEqual({
      firstName: 'Mallory',
      lastName: 'Attacker',
      company: 'Evil Corp',
      jobTitle: 'Fraud Lead',
      phone: '+1 666 666',
    });
  });

  it('lets the newest input win for a contact who never confirmed (nothing about it was verified)', async () => {
    const email = uniqueEmail('unconfirmed');
    await submit(submission({ email, firstName: 'Grace', company: 'First Co' }));
    await submit(submission({ email, firstName: 'Gracie', company: 'Second Co' }));
    expect((await contactRows(email))[0]).toMatchObject({ first_name: 'Gracie', company: 'Second Co', status: 'new' });
  });

  it('rejects an invalid body with 400, the failing fields, and no rows', async () => {
    const email = uniqueEmail('invalid');
    const response = await submit({
      ...submission({ email }),
      firstName: '<script>',
      consent: { dataProcessing: false, textVersion: 'v1' },
      message: '',
    });

    expect(response.status).toBe(400);
    expect(response.body.data).toBeNull();
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    const paths = response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['firstName', 'consent.dataProcessing', 'message']));
    expect(await contactRows(email)).toHaveLength(0);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }],
    ['an overlong message', { message: 'x'.repeat(5001) }],
    ['an unknown field', { isAdmin: true }],
    ['a UTM field that is not text', { utm: { source: { $gt: '' } } }],
    ['a locale that is not configured in i18n', { locale: 'tlh' }],
    ['a locale that is not configured, under its deprecated name', { locale: undefined, language: 'tlh' }],
  ])('rejects %s with 400', async (_label, override) => {
    const response = await submit({ ...submission({ email: uniqueEmail('bad') }), ...override });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
  });

  it('accepts a filled honeypot with the usual answer but stores nothing', async () => {
    const email = uniqueEmail('bot');
    const response = await submit({ ...submission({ email }), website: 'http://spam.example' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ data: { received: true } });
    expect(await contactRows(email)).toHaveLength(0);
  });

  it('limits one client IP to 10 submissions per window and answers 429 with Retry-After', async () => {
    const ip = clientIp();
    for (let index = 0; index < 10; index++) {
      const response = await submit(submission({ email: uniqueEmail('ip-limit') }), { ip });
      expect(response.status).toBe(201);
    }
    const blocked = await submit(submission({ email: uniqueEmail('ip-limit') }), { ip });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // another client is not affected
    expect((await submit(submission({ email: uniqueEmail('ip-limit') }))).status).toBe(201);
  });

  it('limits one email to 5 submissions per window whatever IP they come from', async () => {
    const email = uniqueEmail('email-limit');
    for (let index = 0; index < 5; index++) expect((await submit(submission({ email }))).status).toBe(201);
    const blocked = await submit(submission({ email: email.toUpperCase() }));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
  });

  it('refuses a browser post from a foreign origin', async () => {
    const email = uniqueEmail('origin');
    const response = await submit(submission({ email }), { headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(response.body.error.status).toBe(403);
    expect(await contactRows(email)).toHaveLength(0);
  });

  it('refuses anything but JSON', async () => {
    const response = await api('/api/leads/submissions', {
      method: 'POST',
      ip: clientIp(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40example.com&message=hi',
    });
    expect(response.status).toBe(415);
    expect(response.body.error.status).toBe(415);
  });

  it('refuses a body larger than 32 KB with 413', async () => {
    const response = await submit({ ...submission({ email: uniqueEmail('big') }), message: 'x'.repeat(40_000) });
    expect(response.status).toBe(413);
  });

  describe('atomicity', () => {
    const probe = 'rollback-probe';
    afterAll(async () => {
      await db().query(
        'drop trigger if exists leads_outbox_probe on leads_outbox; drop function if exists leads_outbox_probe()',
      );
    });

    it('stores nothing at all when the last write of the transaction fails', async () => {
      // A trigger makes the outbox insert (the last step) fail for this one address.
      await db().query(`
        create or replace function leads_outbox_probe() returns trigger as $$
        begin
          if new.payload::text like '%${probe}%' then raise exception 'outbox write refused by test'; end if;
          return new;
        end $$ language plpgsql;
        create trigger leads_outbox_probe before insert on leads_outbox for each row execute function leads_outbox_probe();`);
      const email = uniqueEmail(probe);
      const before = await count('select count(*) from leads_consents');

      const response = await submit(submission({ email }));

      expect(response.status).toBe(500);
      expect(response.body.error.message).not.toContain('outbox write refused');
      expect(await contactRows(email)).toHaveLength(0);
      expect(await count('select count(*) from leads_consents')).toBe(before);
    });
  });
});
