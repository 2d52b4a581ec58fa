// The CI rule for vendor-SDK suites: run with the tool, skip without it, fail without it under CI=true.
import { describe, expect, it } from 'vitest';
import { toolGate } from './sdk-suite.ts';

describe('toolGate', () => {
  it('runs when the tool is there, in CI or not', () => {
    expect(toolGate(undefined, {})).toBe('run');
    expect(toolGate(undefined, { CI: 'true' })).toBe('run');
  });
  it('skips without the tool outside CI, and fails under CI=true', () => {
    expect(toolGate('no Go', {})).toBe('skip');
    expect(toolGate('no Go', { CI: 'false' })).toBe('skip');
    expect(toolGate('no Go', { CI: 'true' })).toBe('fail');
  });
});
