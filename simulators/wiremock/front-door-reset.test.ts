// A front-door reset end to end: WireMock resets exactly the n-th call of the endpoint, the others reach the model, the reset is found in its journal.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENOS_ROUTES } from '../../contracts/enos/endpoints.ts';
import { OC_ROUTES } from '../../contracts/oceanconnect/endpoints.ts';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { type RunningSim, startSimulators } from '../sim.ts';
import { armFrontDoorReset, disarmFrontDoorReset, frontDoorResets } from './front-door-reset.ts';

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const noJava = java.error
  ? `java is not on the PATH (${java.error.message}): WireMock cannot start`
  : undefined;
if (noJava) console.warn(`skipping the front-door reset test: ${noJava}`);

describe.skipIf(noJava !== undefined)('front-door reset', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await startSimulators({
      wiremock: { maxRequestJournalEntries: 100 },
      platform: { devicesPerVendor: 1 },
    });
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
  });

  const login = () =>
    fetch(`${sim.info.wiremockUrl}${OC_PATHS.login}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ appId: sim.info.oceanconnect.appId, secret: sim.info.oceanconnect.secret }),
    }).then(
      (r) => r.status,
      (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
    );

  it('resets the second login only, and finds it in the journal; disarmed, nothing is reset', async () => {
    const route = OC_ROUTES.find((r) => r.endpoint === 'login');
    if (!route) throw new Error('no login route');
    const platformUrl = sim.info.controlUrl.replace(/\/__control$/, '');
    const armed = await armFrontDoorReset(sim.wiremock, platformUrl, route, 2);
    const t0 = Date.now();
    expect([await login(), await login(), await login()]).toEqual([200, 'ECONNRESET', 200]);
    const resets = await frontDoorResets(sim.wiremock, armed);
    expect(resets.map((r) => [r.method, r.url])).toEqual([['POST', OC_PATHS.login]]);
    expect(resets[0]?.wallAt).toBeGreaterThanOrEqual(t0 - 1000);
    expect(resets[0]?.body).toContain('appId=');
    // The platform journal holds the two calls that reached it.
    const journal = (await (await fetch(`${sim.info.controlUrl}/journal`)).json()) as { entries: unknown[] };
    expect(journal.entries).toHaveLength(2);
    await disarmFrontDoorReset(sim.wiremock, armed);
    const again = await armFrontDoorReset(sim.wiremock, platformUrl, route, 1);
    await disarmFrontDoorReset(sim.wiremock, again);
    expect(await login()).toBe(200);
  }, 30_000);

  it('matches an EnOS action whatever the method (cancel is also sent as GET)', async () => {
    const route = ENOS_ROUTES.find((r) => r.endpoint === 'cancel');
    if (!route) throw new Error('no cancel route');
    const armed = await armFrontDoorReset(
      sim.wiremock,
      sim.info.controlUrl.replace(/\/__control$/, ''),
      route,
      1,
    );
    const get = (action: string) =>
      fetch(`${sim.info.wiremockUrl}/connect-service/v2.1/commands?action=${action}&orgId=o`).then(
        (r) => r.status,
        (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
      );
    expect([await get('get'), await get('cancel'), await get('cancel')]).toEqual([200, 'ECONNRESET', 200]);
    await disarmFrontDoorReset(sim.wiremock, armed);
  }, 30_000);
});
