// Access to the OceanConnect fixture files: their folder, their names, and each one read and checked with a schema.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

export const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const fixtureNames = (): string[] =>
  readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();

export const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(FIXTURE_DIR, name), 'utf8'));

/** A fixture parsed with its schema; throws when the file does not match (so a test using it fails loudly). */
export const fixture = <S extends z.ZodType>(name: string, schema: S): z.output<S> =>
  schema.parse(readFixture(name));
