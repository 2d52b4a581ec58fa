// The planted-fault catalogue stays plantable: every edit's text occurs exactly once, and plant/restore leave no trace.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLANTED_FAULTS } from './catalogue.ts';
import { editProblem, plant } from './plant.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('planted-fault catalogue', () => {
  it('names each fault once, and every test file meant to catch one exists', () => {
    const names = PLANTED_FAULTS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of PLANTED_FAULTS) {
      expect(f.caughtBy.length, f.name).toBeGreaterThan(0);
      for (const t of f.caughtBy) expect(existsSync(path.join(ROOT, t)), `${f.name}: ${t}`).toBe(true);
    }
  });

  // When a refactor moves the code a fault is planted in, this names the entry of catalogue.ts to update.
  it.each(PLANTED_FAULTS.map((f) => [f.name, f] as const))('%s can be planted as written', (_name, f) => {
    expect(f.edits.map((e) => editProblem(ROOT, e))).toEqual(f.edits.map(() => undefined));
  });

  it('plant() changes the file and its restore puts back every byte; a text that is not there is refused', () => {
    // On a copy in a temporary folder: other test files may be importing the product module at this moment.
    const root = mkdtempSync(path.join(tmpdir(), 'plant-'));
    try {
      const f = PLANTED_FAULTS.find((x) => x.name === 'enos-cap-51')!;
      const file = path.join(root, f.edits[0]!.file);
      mkdirSync(path.dirname(file), { recursive: true });
      const before = readFileSync(path.join(ROOT, f.edits[0]!.file), 'utf8');
      writeFileSync(file, before);
      const restore = plant(root, f);
      expect(readFileSync(file, 'utf8')).toContain(f.edits[0]!.replace);
      restore();
      expect(readFileSync(file, 'utf8')).toBe(before);
      const missing = {
        ...f,
        edits: [{ file: f.edits[0]!.file, find: 'no such text anywhere', replace: '' }],
      };
      expect(() => plant(root, missing)).toThrow(/occurs 0 times/);
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
