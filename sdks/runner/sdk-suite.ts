// The rule for a vendor-SDK suite whose tool (Python, Go) is absent: outside CI it skips with the reason printed; under CI=true it fails.
import { describe, it } from 'vitest';

export type ToolGate = 'run' | 'skip' | 'fail';

/** `missing`: why the tool cannot run, or undefined when it can. CI (`.ci/run` sets CI=true) must run every SDK. */
export const toolGate = (missing: string | undefined, env: NodeJS.ProcessEnv = process.env): ToolGate =>
  missing === undefined ? 'run' : env.CI === 'true' ? 'fail' : 'skip';

/**
 * `describe(title, body)` when the tool is there. Without it: a skipped suite and the reason on the console, or,
 * under CI=true, a suite whose one test fails with the reason (a vendor SDK suite may not skip in CI).
 */
export const describeWithTool = (title: string, missing: string | undefined, body: () => void): void => {
  const gate = toolGate(missing);
  if (gate === 'run') {
    describe(title, body);
    return;
  }
  if (gate === 'skip') {
    console.log(`${title}: skipped, ${missing}`);
    describe.skip(title, body);
    return;
  }
  describe(title, () => {
    it('has its tool (CI=true: a vendor SDK suite must run, not skip)', () => {
      throw new Error(missing);
    });
  });
};
