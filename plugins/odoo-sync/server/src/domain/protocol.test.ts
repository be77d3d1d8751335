import { describe, expect, it } from 'vitest';
import { parseWebVersion, protocolFor } from './protocol';

describe('parseWebVersion', () => {
  it.each([
    [
      { version_info: [17, 0, 0, 'final', 0, ''], version: '17.0' },
      { version: '17.0', major: 17, minor: 0 },
    ],
    [
      { version_info: [18, 4, 0, 'final', 0, ''], version: 'saas~18.4' },
      { version: 'saas~18.4', major: 18, minor: 4 },
    ],
    [
      { version_info: [19, 0, 0, 'final', 0, 'e'], version: '19.0+e' },
      { version: '19.0+e', major: 19, minor: 0 },
    ],
    [{ version: '19.0' }, { version: '19.0', major: 19, minor: 0 }],
    [{ version_info: [20, 0] }, { version: '20.0', major: 20, minor: 0 }],
  ])('reads %j', (body, expected) => {
    expect(parseWebVersion(body)).toEqual(expected);
  });

  it.each([null, 'Not Found', [], {}, { version: 'unknown' }, { version_info: ['x'] }])('gives null for %j', (body) => {
    expect(parseWebVersion(body)).toBeNull();
  });
});

describe('protocolFor', () => {
  it.each([
    [null, 'xmlrpc'],
    [{ version: '16.0', major: 16, minor: 0 }, 'xmlrpc'],
    [{ version: '17.0', major: 17, minor: 0 }, 'xmlrpc'],
    [{ version: 'saas~18.4', major: 18, minor: 4 }, 'xmlrpc'],
    [{ version: '19.0', major: 19, minor: 0 }, 'json2'],
    [{ version: '20.0', major: 20, minor: 0 }, 'json2'],
  ] as const)('%j speaks %s', (version, protocol) => {
    expect(protocolFor(version)).toBe(protocol);
  });
});
