// Checks every EnOS fixture against its schema (strict and tolerant) and that every documented error has one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENOS_ERRORS, errorRow } from './errors.ts';
import {
  CancelResponseStrict,
  CancelResponseTolerant,
  ErrorResponseTolerant,
  errorResponseFor,
  GetResponseStrict,
  GetResponseTolerant,
  InvokeServiceResponseStrict,
  InvokeServiceResponseTolerant,
  SearchResponseStrict,
  SearchResponseTolerant,
  SetMeasurepointResponseStrict,
  SetMeasurepointResponseTolerant,
  TokenErrorResponseTolerant,
  tokenErrorResponseFor,
  TokenResponseStrict,
  TokenResponseTolerant,
} from './responses.ts';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * Every fixture and how it is checked. `strict: true`: the pinned schema accepts it (and so does the tolerant reader).
 * `strict: false`: a verbatim vendor sample carrying a documented variant; the tolerant reader accepts it and the
 * strict schema must refuse it (otherwise the variant would not be what the entry claims).
 */
type Entry = { strictSchema: z.ZodType; tolerant: z.ZodType; strict: boolean };
const cancel = (strict: boolean): Entry => ({
  strictSchema: CancelResponseStrict,
  tolerant: CancelResponseTolerant,
  strict,
});
const commandError = (code: number): Entry => ({
  strictSchema: errorResponseFor(code),
  tolerant: ErrorResponseTolerant,
  strict: true,
});
const tokenError = (code: number): Entry => ({
  strictSchema: tokenErrorResponseFor(code),
  tolerant: TokenErrorResponseTolerant,
  strict: true,
});

const TABLE: Record<string, Entry> = {
  '200-cancel-one-by-device-key-seed-sample.json': cancel(false),
  '200-cancel-all-by-device-key-seed-sample.json': cancel(false),
  '200-cancel-one-by-device-key.json': cancel(true),
  '200-cancel-all-by-asset-id.json': cancel(true),
  '200-cancel-all-none-cached.json': cancel(true),
  '200-cancel-one-service-command.json': cancel(true),
  '200-11404-command-not-found.json': commandError(11404),
  '200-11905-not-created-state.json': commandError(11905),
  '200-11900-device-offline.json': commandError(11900),
  '200-11902-cached-command-limit.json': commandError(11902),
  '200-11904-instant-command-timeout.json': commandError(11904),
  '200-11915-response-timeout.json': commandError(11915),
  '200-11810-custom-format-encode-failed.json': commandError(11810),
  '200-11888-device-not-activated.json': commandError(11888),
  '200-99400-org-not-exist.json': commandError(99400),
  '200-99400-action-missing.json': commandError(99400),
  '200-99403-denied-resource.json': commandError(99403),
  '200-99404-not-found.json': commandError(99404),
  '200-99500-internal-server-error.json': commandError(99500),
  '200-invoke-service-doc-sample.json': {
    strictSchema: InvokeServiceResponseStrict,
    tolerant: InvokeServiceResponseTolerant,
    strict: false,
  },
  '200-invoke-service-cached.json': {
    strictSchema: InvokeServiceResponseStrict,
    tolerant: InvokeServiceResponseTolerant,
    strict: true,
  },
  '200-invoke-service-instant.json': {
    strictSchema: InvokeServiceResponseStrict,
    tolerant: InvokeServiceResponseTolerant,
    strict: true,
  },
  '200-set-measurepoint-doc-sample.json': {
    strictSchema: SetMeasurepointResponseStrict,
    tolerant: SetMeasurepointResponseTolerant,
    strict: true,
  },
  '200-get-command-doc-sample.json': {
    strictSchema: GetResponseStrict,
    tolerant: GetResponseTolerant,
    strict: false,
  },
  '200-get-command.json': { strictSchema: GetResponseStrict, tolerant: GetResponseTolerant, strict: true },
  '200-get-released-service-command.json': {
    strictSchema: GetResponseStrict,
    tolerant: GetResponseTolerant,
    strict: true,
  },
  '200-search-command-doc-sample.json': {
    strictSchema: SearchResponseStrict,
    tolerant: SearchResponseTolerant,
    strict: false,
  },
  '200-search-command-doc-sample-2.json': {
    strictSchema: SearchResponseStrict,
    tolerant: SearchResponseTolerant,
    strict: false,
  },
  '200-search-command.json': {
    strictSchema: SearchResponseStrict,
    tolerant: SearchResponseTolerant,
    strict: true,
  },
  '200-search-created-first-page.json': {
    strictSchema: SearchResponseStrict,
    tolerant: SearchResponseTolerant,
    strict: true,
  },
  '200-token-get-doc-sample.json': {
    strictSchema: TokenResponseStrict,
    tolerant: TokenResponseTolerant,
    strict: false,
  },
  '200-token-get.json': { strictSchema: TokenResponseStrict, tolerant: TokenResponseTolerant, strict: true },
  '200-token-1001-duplicated-encryption.json': tokenError(1001),
  '200-token-1002-app-key-not-exist.json': tokenError(1002),
  '200-token-1003-encryption-invalid.json': tokenError(1003),
  '200-token-1004-invalid-parameter.json': tokenError(1004),
  '200-token-1005-internal-exception.json': tokenError(1005),
  '200-token-1202-parameter-empty.json': tokenError(1202),
  '200-token-1203-token-expired.json': tokenError(1203),
  '200-token-1204-refresh-failed.json': tokenError(1204),
};

const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const load = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));

describe('EnOS fixtures', () => {
  it('are all named <status>-<case>.json and listed in the table', () => {
    for (const f of files) {
      expect(f).toMatch(/^\d{3}-[a-z0-9-]+\.json$/);
      expect(TABLE[f], `${f} has no entry in the fixture table`).toBeDefined();
    }
    expect(Object.keys(TABLE).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s parses with its schema', (file) => {
    const entry = TABLE[file];
    if (!entry) throw new Error(`${file} has no entry in the fixture table`);
    const body = load(file);
    const tolerant = entry.tolerant.safeParse(body);
    expect(tolerant.error?.issues ?? []).toEqual([]);
    const strict = entry.strictSchema.safeParse(body);
    expect(strict.success, strict.error ? JSON.stringify(strict.error.issues) : 'strict accepted it').toBe(
      entry.strict,
    );
  });

  it('holds one fixture per documented error code, with the documented message verbatim', () => {
    for (const row of ENOS_ERRORS) {
      const pattern = row.scopes.includes('token') ? `200-token-${row.code}-` : `200-${row.code}-`;
      const matching = files.filter((f) => f.startsWith(pattern));
      expect(matching.length, `no fixture for ${row.code}`).toBeGreaterThan(0);
      for (const f of matching) {
        const body = load(f) as { msg: string };
        const known = [row.message, ...row.sampleMessages].filter((m): m is string => m !== null);
        if (known.length > 0) expect(known).toContain(body.msg);
      }
    }
  });

  it('names only documented codes in error fixtures', () => {
    for (const f of files) {
      const code = /^200-(?:token-)?(\d{4,5})-/.exec(f)?.[1];
      if (code) expect(errorRow(Number(code)), f).toBeDefined();
    }
  });
});
