import { describe, expect, it } from 'vitest';
import { measureMemory, measureMemoryPerCommand } from './memory.ts';

describe('memory per command', () => {
  it('returns a finite positive number of bytes for 10,000 pending commands', () => {
    const bytes = measureMemoryPerCommand(10_000);
    expect(Number.isFinite(bytes)).toBe(true);
    expect(bytes).toBeGreaterThan(0);
  });

  it('reports what it measured', () => {
    const m = measureMemory(100);
    expect(m.commands).toBe(100);
    expect(m.devices).toBe(10);
  });

  it('refuses a non-positive count', () => {
    expect(() => measureMemoryPerCommand(0)).toThrow(RangeError);
  });
});
