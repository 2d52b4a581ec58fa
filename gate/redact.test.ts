// Secrets blanked in what --verbose shows: auth headers keep their scheme, JSON and form fields lose their values, the rest stays.
import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';
import { renderGate } from './render.ts';

const secrets = { headers: ['authorization', 'x-auth-token'], fields: ['secret', 'accessToken'] };

describe('redact', () => {
  it('blanks secret headers, keeping the scheme word and the length', () => {
    const r = redact(
      { headers: { Authorization: 'Bearer abc123', app_key: 'app1', 'X-Auth-Token': 'tok' }, body: '' },
      secrets,
    );
    expect(r.headers).toEqual({
      Authorization: 'Bearer <redacted, 13 chars>',
      app_key: 'app1',
      'X-Auth-Token': '<redacted, 3 chars>',
    });
  });

  it('blanks secret fields of JSON (at any depth) and form bodies, leaves other bodies alone', () => {
    expect(redact({ headers: {}, body: '{"a":{"accessToken":"xyz"},"b":1}' }, secrets).body).toBe(
      '{"a":{"accessToken":"<redacted, 3 chars>"},"b":1}',
    );
    const form = redact({ headers: {}, body: 'appId=app1&secret=s3cret' }, secrets).body;
    expect(new URLSearchParams(form).get('secret')).toBe('<redacted, 6 chars>');
    expect(new URLSearchParams(form).get('appId')).toBe('app1');
    expect(redact({ headers: {}, body: 'not { json' }, secrets).body).toBe('not { json');
  });

  it('is shown by --verbose only, under the violation', () => {
    const result = {
      command: ['x'],
      exitCode: 0,
      timedOut: false,
      requests: [],
      runs: 1,
      totals: { 'poll-rate': 1 },
      violations: [
        {
          rule: 'poll-rate' as const,
          vendor: 'v',
          message: 'polled too soon',
          request: { seq: 2, method: 'GET', url: '/u', status: 200, at: 0 },
          evidence: { headers: { authorization: 'Bearer <redacted, 9 chars>' }, body: '' },
        },
      ],
    };
    expect(renderGate(result)).not.toContain('authorization');
    expect(renderGate(result, { verbose: true })).toContain('authorization: Bearer <redacted, 9 chars>');
    expect(renderGate(result)).toContain('totals: poll-rate 1');
  });
});
