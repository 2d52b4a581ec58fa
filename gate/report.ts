// The gate's JSON report (reports/out/gate.json): the command, its exit code, the violations and the requests audited.
import { z } from 'zod';
import { EXIT_CODE_OF, STOP_SIGNALS } from '../runtime/stop-signals.ts';
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
  /** The run was stopped (this signal, or SIGHUP when what started it ended): the report is partial. */
  interrupted: z.enum(STOP_SIGNALS).optional(),
  violations: z.array(Violation),
  requests: z.array(GateRequest),
});
export type GateResult = z.infer<typeof GateResult>;

/** An interrupted run ends as the signal would (130, 143, 129); otherwise the gate fails on any violation or a command that did not exit 0. */
export const gateExitCode = (r: GateResult): number =>
  r.interrupted ? EXIT_CODE_OF[r.interrupted] : r.violations.length > 0 || r.exitCode !== 0 ? 1 : 0;
