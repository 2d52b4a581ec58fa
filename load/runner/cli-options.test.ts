// Flags of `harness load` and `harness plan`: durations, required flags, and refusals that name the flag.
import { describe, expect, it } from 'vitest';
import { renderProblem } from '../../contracts/common/problem.ts';
import { loadOptionsFrom, parseDuration, planOptionsFrom } from './cli-options.ts';
import { segmentArgs } from './k6-process.ts';
import { k6Invocation } from './k6-binary.ts';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['2h', 7_200_000],
    ['45', 2_700_000],
    ['1.5m', 90_000],
  ])('%s is %d platform ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'soon', '30 m', '5x', 'm5'])('refuses %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('harness plan flags', () => {
  const ok = { devices: '1000', pending: '5', apps: '2', deadline: '5m' };

  it('fills the defaults', () => {
    const r = planOptionsFrom(ok);
    expect(r.ok && r.value).toMatchObject({
      devices: 1000,
      pending: 5,
      apps: 2,
      deadlineMs: 300_000,
      strategy: 'revoke',
      transport: 'http',
      measure: true,
      whatIfs: { tokenLifetimeS: 3600, loginsCount: false, latency: { kind: 'none' }, onlineShare: 0 },
    });
  });

  it('reads the what-if flags', () => {
    const r = planOptionsFrom({
      ...ok,
      tokenLifetime: '2h',
      loginsCount: true,
      latency: 'lognormal:120,0.5,2000',
      faults: '503/100',
      retries: '5',
      retryBackoff: '10s',
      online: '10%',
      throttle: 'token-bucket',
      inProcess: true,
    });
    expect(r.ok && r.value).toMatchObject({
      transport: 'in-process',
      whatIfs: {
        tokenLifetimeS: 7200,
        loginsCount: true,
        latency: { kind: 'lognormal', medianMs: 120, sigma: 0.5, maxMs: 2000 },
        faults: { status: 503, every: 100 },
        retries: 5,
        backoffMs: 10_000,
        onlineShare: 0.1,
        algorithm: 'token-bucket',
      },
    });
  });

  it.each([
    [{ ...ok, deadline: undefined }, '--deadline is required'],
    [{ ...ok, apps: '0' }, '--apps must be a positive integer'],
    [{ ...ok, pending: '21' }, 'at most 20 pending'],
    [{ ...ok, strategy: 'nuke' }, '--strategy must be revoke or modify'],
    [{ ...ok, deadline: 'tomorrow' }, '--deadline takes a platform duration'],
    [{ ...ok, faults: '404/10' }, '--faults takes <500|503>/<every n-th call'],
    [{ ...ok, online: '120%' }, '--online takes a share'],
    [{ ...ok, throttle: 'leaky' }, '--throttle must be'],
    [{ ...ok, latency: 'slow' }, '--latency: latency must be'],
    [{ ...ok, tokenLifetime: 'never' }, '--token-lifetime takes a duration'],
  ])('refuses %j', (flags, words) => {
    const r = planOptionsFrom(flags);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(renderProblem(r.problem)).toContain(words);
  });
});

describe('harness load flags', () => {
  it('needs a known scenario and refuses to split the one-VU back-off client', () => {
    expect(loadOptionsFrom([], {}).ok).toBe(false);
    expect(loadOptionsFrom(['warp'], {}).ok).toBe(false);
    expect(loadOptionsFrom(['back-off'], { segments: '2' }).ok).toBe(false);
    const r = loadOptionsFrom(['over-limit'], { segments: '2', timeScale: '30' });
    expect(r.ok && r.value).toMatchObject({
      scenario: 'over-limit',
      profile: 'smoke',
      segments: 2,
      overrides: { timeScale: 30 },
    });
  });
});

describe('k6 command lines', () => {
  it('splits a run into execution segments that cover it once', () => {
    expect(segmentArgs(0, 1)).toEqual([]);
    expect(segmentArgs(1, 3)).toEqual([
      '--execution-segment',
      '1/3:2/3',
      '--execution-segment-sequence',
      '0,1/3,2/3,1',
    ]);
  });

  it('mounts the folders a containerised k6 reads, at the same paths', () => {
    const k6 = {
      kind: 'container' as const,
      command: 'docker' as const,
      prefixArgs: ['run', '--rm', '-i', '--network', 'host', 'grafana/k6:1.8.1'],
    };
    expect(k6Invocation(k6, ['run', '/w/load/scripts/a.ts'], ['/w/load'])).toEqual({
      command: 'docker',
      args: [
        'run',
        '--rm',
        '-i',
        '--network',
        'host',
        '-v',
        '/w/load:/w/load',
        'grafana/k6:1.8.1',
        'run',
        '/w/load/scripts/a.ts',
      ],
    });
    expect(k6Invocation({ kind: 'path', command: '/bin/k6', prefixArgs: [] }, ['version'])).toEqual({
      command: '/bin/k6',
      args: ['version'],
    });
  });
});
