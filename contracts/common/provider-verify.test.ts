import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendorOf } from '../../vendors/index.ts';
import { committedPactPath } from './pact.ts';
import { interactionFor, verifyProvider } from './provider-verify.ts';

/** A provider that refuses every provider state and answers every other request 200 {}. */
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/__control/provider-states')) {
      res.statusCode = 400;
      res.end('{"error":"no such state"}');
    } else res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('provider verification', () => {
  it('a provider that refuses its provider states does not verify', async () => {
    await expect(
      verifyProvider({
        vendor: 'enos',
        pactFile: committedPactPath(vendorOf('enos').pactProvider),
        providerBaseUrl: url,
        controlUrl: `${url}/__control`,
        mode: 'stateful',
        logLevel: 'error',
      }),
    ).rejects.toThrow();
  });

  it('finds the replayed interaction by state, method, path and, to break ties, query', () => {
    const pact = {
      interactions: [
        {
          description: 'a',
          providerStates: [{ name: 's', params: { x: 1 } }],
          request: { method: 'POST', path: '/p', query: { action: ['cancel'] } },
        },
        {
          description: 'b',
          providerStates: [{ name: 's', params: { x: 1 } }],
          request: { method: 'POST', path: '/p', query: { action: ['get'] } },
        },
        {
          description: 'c',
          providerStates: [{ name: 's', params: { x: 2 } }],
          request: { method: 'POST', path: '/p' },
        },
      ],
    };
    const state = { name: 's', params: { x: 1 } };
    expect(interactionFor(pact, state, 'POST', '/p', new URLSearchParams('action=get'))?.description).toBe(
      'b',
    );
    expect(interactionFor(pact, state, 'POST', '/p')).toBeUndefined();
    expect(interactionFor(pact, { name: 's', params: { x: 2 } }, 'post', '/p')?.description).toBe('c');
    expect(interactionFor(pact, undefined, 'POST', '/p')).toBeUndefined();
  });
});
