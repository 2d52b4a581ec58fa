// `harness props` (cli/commands/props.ts): flags, a run, the report, and a failure's replay line.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../cli/commands/props.ts';

const captured = () => {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  return { out: () => out.join(''), err: () => err.join('') };
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('harness props', () => {
  it('lists the properties', async () => {
    const io = captured();
    expect(await run({ args: [], options: { list: true } })).toBe(0);
    expect(io.out()).toContain('model-agreement/oceanconnect');
    expect(io.out()).toContain('invariant/throttle-window/oceanconnect');
  });

  it('refuses bad flags with a message and exit code 2', async () => {
    const io = captured();
    expect(await run({ args: [], options: { runs: 'many' } })).toBe(2);
    expect(await run({ args: [], options: { only: 'no-such/*' } })).toBe(2);
    expect(await run({ args: [], options: { path: '1:2', only: 'pure/*' } })).toBe(2);
    expect(await run({ args: [], options: { through: 'carrier-pigeon' } })).toBe(2);
    expect(await run({ args: [], options: { mutations: 'no-such-fault' } })).toBe(2);
    expect(io.err()).toContain('--runs must be an integer');
    expect(io.err()).toContain('unknown mutation no-such-fault');
  });

  it('runs the selected properties with --runs and --seed, and writes the report with the throughput', async () => {
    const io = captured();
    const report = path.join(mkdtempSync(path.join(tmpdir(), 'props-')), 'props.json');
    const code = await run({
      args: [],
      options: {
        only: 'pure/timestamps-round-trip,invariant/expiry-at-ttl/iotda',
        runs: '3',
        seed: '5',
        report,
      },
    });
    expect(code, io.out()).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.ok).toBe(true);
    expect(
      json.properties.map((p: { name: string; seed: number; numRuns: number }) => [
        p.name,
        p.seed,
        p.numRuns,
      ]),
    ).toEqual([
      ['invariant/expiry-at-ttl/iotda', 5, 3],
      ['pure/timestamps-round-trip', 5, 3],
    ]);
    expect(json.throughput.steps).toBeGreaterThan(0);
    expect(io.out()).toMatch(/throughput: \d+ model steps/);
  });

  it('replaying an unknown path says what is missing instead of crashing', async () => {
    const io = captured();
    const report = path.join(mkdtempSync(path.join(tmpdir(), 'props-')), 'props.json');
    const code = await run({
      args: [],
      options: { only: 'model-agreement/iotda', seed: '1', path: '999:999:999', report },
    });
    expect(code).toBe(1);
    expect(io.out()).toContain('seed: 1');
    expect(io.out()).toContain('cannot replay');
  });
});
