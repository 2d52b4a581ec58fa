// The Pact re-signing filter: the request it rewrites verifies with the provider state's AK/SK; others are left alone.
import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../contracts/iotda/signing.ts';
import { type ReplayedRequest, resignAkskRequest } from './pact-resign.ts';

const AKSK = {
  kind: 'aksk',
  ak: 'HPUAEXAMPLEAK0000001',
  sk: 'sKexampleSecretKey0000000000000000000001',
} as const;
const EXAMPLE =
  'SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=content-type;host;instance-id;x-sdk-date, Signature=' +
  '0'.repeat(64);

const replayed = (): ReplayedRequest => ({
  method: 'POST',
  url: '/v5/iot/p1/devices/d1/async-commands?b=2&a=1',
  headers: {
    host: '127.0.0.1:40001',
    authorization: EXAMPLE,
    'content-type': 'application/json',
    'instance-id': 'inst-1',
    'x-sdk-date': '20240305T081500Z',
    'content-length': '999',
  },
  body: { paras: { valve: 'CLOSE' }, send_strategy: 'delay' },
});

const verify = (req: ReplayedRequest, sk: string) =>
  verifySignature(
    { method: req.method, url: req.url, headers: req.headers, body: JSON.stringify(req.body) },
    (ak) => (ak === AKSK.ak ? sk : undefined),
  );

describe('resignAkskRequest', () => {
  it('re-signs with the state AK/SK over the request as it will be sent, and fixes Content-Length', () => {
    const req = replayed();
    expect(verify(req, AKSK.sk).ok).toBe(false);
    const outcome = resignAkskRequest(req, { params: { auth: AKSK } });
    expect(outcome).toEqual({
      resigned: true,
      ak: AKSK.ak,
      signedHeaders: 'content-type;host;instance-id;x-sdk-date',
    });
    expect(verify(req, AKSK.sk)).toMatchObject({ ok: true, ak: AKSK.ak });
    expect(verify(req, 'another-secret').ok).toBe(false);
    expect(req.headers['content-length']).toBe(String(JSON.stringify(req.body).length));
  });

  it('uses the fallback AK/SK when the state carries a token, and leaves token requests alone', () => {
    const req = replayed();
    const fallback = { ak: AKSK.ak, sk: 'fleet-secret' };
    expect(
      resignAkskRequest(req, { params: { auth: { kind: 'token', token: 't' } } }, fallback).resigned,
    ).toBe(true);
    expect(verify(req, 'fleet-secret').ok).toBe(true);
    const tokenReq: ReplayedRequest = { method: 'GET', url: '/x', headers: { 'x-auth-token': 't' } };
    expect(resignAkskRequest(tokenReq, { params: { auth: AKSK } })).toEqual({
      resigned: false,
      reason: 'not-aksk',
    });
    expect(tokenReq.headers.authorization).toBeUndefined();
    expect(resignAkskRequest(replayed(), undefined)).toEqual({ resigned: false, reason: 'no-credentials' });
  });
});
