import { describe, expect, it } from 'vitest';
import { classifyOdooError, faultSummary } from './faults';

const traceback = `Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/odoo/service/model.py", line 156, in retrying
    result = func()
  File "/usr/lib/python3/dist-packages/odoo/models.py", line 4567, in create
    raise ValueError("Invalid field 'x_foo' on model 'crm.lead'")
ValueError: Invalid field 'x_foo' on model 'crm.lead'
`;

describe('classifyOdooError', () => {
  it.each([
    ['a ValidationError fault (2)', { faultCode: 2, faultString: 'The email address is invalid.' }, 'permanent', /rejected the data: The email address is invalid/],
    ['an AccessError fault (4)', { faultCode: 4, faultString: "You are not allowed to create 'Lead/Opportunity' (crm.lead) records." }, 'permanent', /access error: You are not allowed/],
    ['an AccessDenied fault (3)', { faultCode: 3, faultString: 'Access Denied' }, 'credentials', /denied access/],
    ['an application fault (1)', { faultCode: 1, faultString: traceback }, 'transient', /server error: ValueError: Invalid field 'x_foo'/],
    ['authenticate answering false', 'Error connecting to database. This is probably due to invalid credentials.', 'credentials', /rejected the credentials/],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8069'), { code: 'ECONNREFUSED' }), 'transient', /unreachable: ECONNREFUSED/],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'transient', /unreachable/],
    ['a timeout', Object.assign(new Error('Timed out after 10000 ms'), { code: 'ETIMEDOUT' }), 'transient', /unreachable/],
    ['an unexpected answer', new Error('Unknown XML-RPC tag \'html\''), 'transient', /call failed: Unknown XML-RPC tag/],
  ])('treats %s as %s', (_label, error, kind, message) => {
    const failure = classifyOdooError(error);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
  });
});

describe('faultSummary', () => {
  it('keeps the exception line of a traceback', () => {
    expect(faultSummary(traceback)).toBe("ValueError: Invalid field 'x_foo' on model 'crm.lead'");
  });

  it('keeps a short message whole and cuts a long one', () => {
    expect(faultSummary('Access Denied')).toBe('Access Denied');
    expect(faultSummary('x'.repeat(600))).toHaveLength(500);
  });
});
