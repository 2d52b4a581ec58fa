// The gate's JSON report (reports/out/gate.json): the command, its exit code, the violations and the requests audited.
import { z } from 'zod';
import { JournalEntry } from '../contracts/control/api.ts';
import { Violation } from './rules/types.ts';

/** A journal entry without its headers and bodies. */
export const GateRequest = JournalEntry.pick({
  seq: true,
  at: true,
  vendor: true,
  method: true,
  url: true,
  status: true,
  errorCode: true,
});
export type GateRequest = z.infer<typeof GateRequest>;

export const GateResult = z.object({
  command: z.array(z.string()),
  /** null: the command was killed (timeout) or could not start. */
  exitCode: z.number().nullable(),
  timedOut: z.boolean(),
  violations: z.array(Violation),
  requests: z.array(GateRequest),
});
export type GateResult = z.infer<typeof GateResult>;

/** The gate fails on any violation or a command that did not exit 0. */
export const gateExitCode = (r: GateResult): number => (r.violations.length > 0 || r.exitCode !== 0 ? 1 : 0);
