// Test helpers for the EnOS client: an undici MockAgent origin, a counting token source, and fixture loading.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MockAgent } from 'undici';
import { ok } from '../../contracts/common/problem.ts';
import { createClient, type EnosClient, type ClientConfig } from './client.ts';
import type { TokenSource } from './token.ts';

export const ORIGIN = 'http://enos.test';
export const NOW = 1_700_000_000_000;
export const SECRET = 'app-secret';

const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'contracts',
  'enos',
  'fixtures',
);
export const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));

/** A token source that counts how often it was asked, so tests can prove nothing was sent. */
export const countingTokens = (
  accessToken = 'tok-1',
): TokenSource & { calls: number; invalidations: number } => {
  const source = {
    calls: 0,
    invalidations: 0,
    getToken: async () => {
      source.calls += 1;
      return ok({ accessToken, expiresAt: Number.POSITIVE_INFINITY }, 200);
    },
    invalidate: () => {
      source.invalidations += 1;
    },
  };
  return source;
};

export const mockAgent = (): MockAgent => {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return agent;
};

export const JSON_REPLY = { headers: { 'content-type': 'application/json' } };

export const testClient = (agent: MockAgent, extra: Partial<ClientConfig> = {}): EnosClient =>
  createClient({
    baseUrl: ORIGIN,
    credentials: { appKey: 'app-key', appSecret: SECRET },
    tokenSource: countingTokens(),
    now: () => NOW,
    dispatcher: agent,
    ...extra,
  });

export const DEVICE = { orgId: 'o15541858646501', assetId: 'oxWwM9i5' };
