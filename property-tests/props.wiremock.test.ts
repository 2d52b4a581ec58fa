// The property suite through WireMock (stateful mode: WireMock in front, proxying to the platform), a short share.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEFAULT_SUITE_CONFIG } from './harness/platform.ts';
import { openSession, type Session } from './harness/session.ts';
import { MODEL_PROPERTIES } from './runner/properties.ts';
import { expectProperty } from './test-support.ts';

const javaMissing = (): string | undefined => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'java is not on the PATH, so the embedded WireMock cannot start';
  }
};
const missing = javaMissing();
if (missing) process.stderr.write(`props.wiremock.test.ts skipped: ${missing}\n`);

let session: Session;

describe.skipIf(missing !== undefined)('property suite through WireMock', () => {
  beforeAll(async () => {
    session = await openSession(DEFAULT_SUITE_CONFIG, 'wiremock');
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const p of MODEL_PROPERTIES)
    it(p.name, () => expectProperty({ ...p, defaultRuns: 6 }, { session, mutations: [] }));
});
