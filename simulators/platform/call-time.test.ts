// One platform time per call: the throttle decides on the time the journal records, to the sub-millisecond.
import { afterEach, describe, expect, it } from 'vitest';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { predictAllowed } from '../model/throttle-predict.ts';
import { simulator } from '../oceanconnect/sim.ts';
import { buildPlatform, type Platform } from './server.ts';

const T0 = Date.UTC(2026, 0, 1);
const THROTTLE = {
  limit: 2,
  windowMs: 1000,
  algorithm: 'fixed-window',
  alignment: 'epoch',
  originMs: 0,
} as const;

/** A wall clock that moves `stepMs` (wall) every time anyone reads it: time passes between arrival and decision. */
const steppingWall = (stepMs: number) => {
  let t = 1_000_000;
  return () => {
    t += stepMs;
    return t;
  };
};

let platform: Platform | undefined;
afterEach(async () => platform?.close());

const start = async (stepMs: number, timeScale: number) => {
  platform = buildPlatform(
    {
      startEpochMs: T0,
      timeScale,
      devicesPerVendor: 2,
      throttle: { oceanconnect: THROTTLE },
    },
    [simulator],
    steppingWall(stepMs),
  );
  await platform.app.ready();
  const fleet = platform.vendors.get('oceanconnect')!.fleet() as { appId: string; secret: string };
  const login = await platform.app.inject({
    method: 'POST',
    url: OC_PATHS.login,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ appId: fleet.appId, secret: fleet.secret }).toString(),
  });
  const { accessToken } = JSON.parse(login.body) as { accessToken: string };
  return { app: platform.app, journal: platform.journal, appId: fleet.appId, accessToken };
};

describe('call time', () => {
  it('the journal records the time the throttle decided on, so a strict replay agrees call by call', async () => {
    // 0.04 wall ms per reading at a time scale of 600: 24 platform ms pass between two readings (a call takes a few),
    // so about ten calls fall in each 1 s window and the arrival and the decision of some lie in different windows.
    const h = await start(0.04, 600);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await h.app.inject({
        method: 'GET',
        url: `${OC_PATHS.deviceCommands}?pageNo=0&pageSize=1`,
        headers: { app_key: h.appId, authorization: `Bearer ${h.accessToken}` },
      });
      statuses.push(res.statusCode);
    }
    const counted = h.journal
      .since(0)
      .filter((e) => e.url.startsWith('/iocm/app/cmd/'))
      .sort((a, b) => a.at - b.at || a.seq - b.seq);
    expect(counted).toHaveLength(60);
    const refused = statuses.filter((s) => s === 403).length;
    expect(refused).toBeGreaterThan(0); // not vacuous: the limit was reached
    expect(refused).toBeLessThan(60);
    const replay = predictAllowed(
      THROTTLE,
      counted.map((e) => e.at),
    );
    expect(replay.decisions).toEqual(counted.map((e) => e.status !== 403));
    expect(counted.every((e, i) => i === 0 || e.at > counted[i - 1]!.at)).toBe(true);
  });

  it('keeps the fraction of a millisecond in the journal', async () => {
    const h = await start(0.0007, 1);
    await h.app.inject({
      method: 'GET',
      url: `${OC_PATHS.deviceCommands}?pageNo=0&pageSize=1`,
      headers: { app_key: h.appId, authorization: `Bearer ${h.accessToken}` },
    });
    const [entry] = h.journal.since(0).filter((e) => e.url.startsWith('/iocm/app/cmd/'));
    expect(entry!.at % 1).not.toBe(0);
    expect(entry!.at).toBeGreaterThan(T0);
    expect(entry!.at).toBeLessThan(T0 + 1);
  });
});
