// The command runner and the CLI's argument checks, without simulators: exit codes, env, the timeout kill, bad flags.
import { describe, expect, it } from 'vitest';
import { run } from '../cli/commands/gate.ts';
import { renderGate } from './render.ts';
import { gateExitCode } from './report.ts';
import { runCommand } from './command.ts';

const node = process.execPath;

describe('runCommand', () => {
  it('passes the exit code through and gives the command the variables', async () => {
    const script = 'process.exit(process.env.HARNESS_X === "7" ? 3 : 4)';
    await expect(
      runCommand([node, '-e', script], { HARNESS_X: '7' }, { timeoutMs: 30_000, stdio: 'ignore' }),
    ).resolves.toEqual({
      exitCode: 3,
      timedOut: false,
    });
  });

  it('kills a command that outlives the timeout and reports no exit code', async () => {
    const r = await runCommand(
      [node, '-e', 'setInterval(() => {}, 1000)'],
      {},
      { timeoutMs: 300, stdio: 'ignore' },
    );
    expect(r).toEqual({ exitCode: null, timedOut: true });
  });

  it('reports a command that cannot start as no exit code', async () => {
    const r = await runCommand(
      ['/nonexistent/harness-gate-command'],
      {},
      { timeoutMs: 30_000, stdio: 'ignore' },
    );
    expect(r.exitCode).toBeNull();
  });
});

describe('gate exit code and rendering', () => {
  const base = { command: ['x'], timedOut: false, requests: [], totals: {}, runs: 1 };
  it('fails on a failed command even without violations, passes only on exit 0 and none', () => {
    expect(gateExitCode({ ...base, exitCode: 0, violations: [] })).toBe(0);
    expect(gateExitCode({ ...base, exitCode: 2, violations: [] })).toBe(1);
    expect(renderGate({ ...base, exitCode: null, timedOut: true, violations: [] })).toMatch(
      /was stopped \(timed out\)/,
    );
    const v = {
      rule: 'poll-rate' as const,
      vendor: 'enos',
      message: 'polled too soon',
      request: { seq: 4, method: 'GET', url: '/u', status: 200, at: 0 },
    };
    expect(gateExitCode({ ...base, exitCode: 0, violations: [v] })).toBe(1);
    expect(renderGate({ ...base, exitCode: 0, violations: [v] })).toMatch(/request #4: GET \/u -> 200/);
  });
});

describe('harness gate arguments', () => {
  it('refuses a missing command and bad numbers before starting anything', async () => {
    expect(await run({ args: [], options: {} })).toBe(2);
    expect(await run({ args: ['true'], options: { maxPollRate: '0' } })).toBe(2);
    expect(await run({ args: ['true'], options: { timeScale: 'fast' } })).toBe(2);
    expect(await run({ args: ['true'], options: { timeout: '-1' } })).toBe(2);
    expect(await run({ args: ['true'], options: { parallel: '1.5' } })).toBe(2);
    expect(await run({ args: ['true'], options: { faults: true, faultIds: 'nobody.42' } })).toBe(2);
  });
});
