// Verification plumbing for the OceanConnect pact: the form body restored, and look-alike interactions told apart.
import { PACT_PROVIDER } from '../../contracts/oceanconnect/constraints.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedPactPath } from '../../contracts/common/pact.ts';
import { interactionFor } from '../../contracts/common/provider-verify.ts';
import { OC_INTERACTIONS as I } from '../../contracts/oceanconnect/coverage.ts';
import { APP_AUTHENTICATED } from '../../contracts/oceanconnect/provider-states.ts';
import { restoreFormBody } from './verification.ts';

const PACT = JSON.parse(readFileSync(committedPactPath(PACT_PROVIDER), 'utf8'));
const PATH = '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks';
const session = { appId: 'Vh2mQ0fXbT4kLr8sNc1yPz7aWd3e', accessToken: 'a7d3c1e9f05b4d2e8c6a1f3b9e0d7c5a' };

type Req = Parameters<typeof restoreFormBody>[0];
const request = (headers: Record<string, string>, body: unknown): Req =>
  ({ method: 'POST', url: PATH, originalUrl: PATH, headers, body }) as unknown as Req;

describe('OceanConnect verification plumbing', () => {
  it('sends a form the verifier proxy parsed as a form again', () => {
    const req = request(
      { 'content-type': 'application/x-www-form-urlencoded' },
      { appId: 'a b', secret: 's&t' },
    );
    restoreFormBody(req);
    expect(Buffer.isBuffer(req.body) && req.body.toString()).toBe('appId=a+b&secret=s%26t');
  });

  it('leaves JSON bodies alone', () => {
    const req = request({ 'content-type': 'application/json' }, { deviceId: 'x' });
    restoreFormBody(req);
    expect(req.body).toEqual({ deviceId: 'x' });
  });

  it.each([
    [
      'a 65-character deviceId',
      { app_key: session.appId },
      { deviceId: 'd'.repeat(65) },
      I.revokeInputInvalid,
    ],
    ['no app_key', {}, { deviceId: '3a9c1e5f-7b2d-4e8a-9c0f-1d2e3b4a5c6d' }, I.revokeAppKeyMissing],
  ])(
    'resolves the request with %s to its own interaction (both share state and path)',
    (_name, extra, body, want) => {
      const headers = {
        authorization: `Bearer ${session.accessToken}`,
        'content-type': 'application/json',
        ...extra,
      };
      const state = { name: APP_AUTHENTICATED, params: session };
      expect(interactionFor(PACT, state, 'POST', PATH)).toBeUndefined();
      expect(
        interactionFor(PACT, state, 'POST', PATH, new URLSearchParams(), { headers, body })?.description,
      ).toBe(want);
    },
  );
});
