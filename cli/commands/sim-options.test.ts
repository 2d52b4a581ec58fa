import { describe, expect, it } from 'vitest';
import { simOptionsFrom } from './sim-options.ts';

describe('harness sim flags', () => {
  it('defaults to stateful mode on the embedded launcher', () => {
    const r = simOptionsFrom({});
    expect(r.ok && r.options.mode).toBe('stateful');
    expect(r.ok && r.options.wiremock).toEqual({ launcher: 'embedded' });
  });
  it('passes time scale, fleet size, throttle and latency down', () => {
    const r = simOptionsFrom({
      timeScale: '60',
      devices: '3',
      throttleLimit: '5',
      throttleWindow: '1000',
      throttleAlgorithm: 'token-bucket',
      latency: 'fixed:7',
      readyFile: '/tmp/x',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.options.platform?.timeScale).toBe(60);
    expect(r.options.platform?.devicesPerVendor).toBe(3);
    expect(r.options.platform?.throttle?.oceanconnect).toEqual({
      limit: 5,
      windowMs: 1000,
      algorithm: 'token-bucket',
    });
    expect(r.options.latency).toEqual({ kind: 'fixed', ms: 7 });
    expect(r.readyFile).toBe('/tmp/x');
    expect(r.options.platform?.removedQuirks).toEqual([]);
  });
  it('passes the quirks to remove', () => {
    const r = simOptionsFrom({ withoutQuirks: 'oceanconnect.waitting,enos.cancel-snapshot' });
    expect(r.ok && r.options.platform?.removedQuirks).toEqual([
      'oceanconnect.waitting',
      'enos.cancel-snapshot',
    ]);
  });
  it('--client-ca names the CA file and implies --https', () => {
    const r = simOptionsFrom({ clientCa: 'package.json' });
    expect(r.ok && [r.options.https, r.options.clientCaFile]).toEqual([true, 'package.json']);
  });
  it('--jvm-flags reach the embedded launcher, split on spaces', () => {
    const r = simOptionsFrom({ jvmFlags: ' -XX:TieredStopAtLevel=1  -XX:+UseSerialGC ' });
    expect(r.ok && r.options.wiremock).toEqual({
      launcher: 'embedded',
      jvmFlags: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
    });
  });
  it('--https asks for a TLS front door', () => {
    const r = simOptionsFrom({ https: true });
    expect(r.ok && r.options.https).toBe(true);
    expect(
      simOptionsFrom({}).ok && (simOptionsFrom({}) as { options: { https?: boolean } }).options.https,
    ).toBe(undefined);
  });
  it.each([
    [{ mode: 'live' }, '--mode'],
    [{ launcher: 'k8s' }, '--launcher'],
    [{ launcher: 'external' }, '--wiremock-url'],
    [{ timeScale: '0' }, '--time-scale'],
    [{ devices: '-1' }, '--devices'],
    [{ port: '70000' }, '--port'],
    [{ throttleAlgorithm: 'leaky' }, '--throttle-algorithm'],
    [{ latency: 'slow' }, 'latency'],
    [{ https: true, launcher: 'container' }, '--https'],
    [{ clientCa: '/no/such/ca.pem' }, '--client-ca'],
    [{ clientCa: '/no/such/ca.pem', launcher: 'container' }, '--client-ca'],
    [
      { withoutQuirks: 'oceanconnect.waitting,oceanconnect.typo' },
      '--without-quirks: no quirk oceanconnect.typo',
    ],
  ])('refuses %j naming the flag', (flags, name) => {
    const r = simOptionsFrom(flags);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(name);
  });
});
