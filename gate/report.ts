// The gate's JSON report (reports/out/gate.json): the command, its exit code, the violations, the verdicts of the reruns and the requests audited.
import { z } from 'zod';
import { EXIT_CODE_OF, STOP_SIGNALS } from '../runtime/stop-signals.ts';
import { JournalEntry } from '../contracts/control/api.ts';
import { FaultVerdict, QuirkVerdict } from './differential/verdicts.ts';
import { GateLimits } from './limits.ts';
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
  /** The limits the faithful run was judged by (also exported to the command). */
  limits: GateLimits.optional(),
  /** The path's jitter the gate's own probes measured during the faithful run (wall ms). */
  measuredJitterWallMs: z.number().optional(),
  violations: z.array(Violation),
  /** Findings per rule, every rule named. */
  totals: z.record(z.string(), z.number()).default({}),
  /** `--quirks`: one verdict per vendor quirk. */
  quirks: z.array(QuirkVerdict).optional(),
  /** `--faults`: one verdict per failure and endpoint. */
  faults: z.array(FaultVerdict).optional(),
  /** Runs of the command (faithful, then the reruns) and the gate's wall time, start-up included. */
  runs: z.number().int().default(1),
  wallMs: z.number().optional(),
  requests: z.array(GateRequest),
});
export type GateResult = z.infer<typeof GateResult>;
export type GateResultInput = z.input<typeof GateResult>;

/** The verdicts that fail the gate. */
export const failingVerdicts = (r: Pick<GateResultInput, 'quirks' | 'faults'>) => [
  ...(r.quirks ?? []).filter((v) => v.severity === 'violation'),
  ...(r.faults ?? []).filter((v) => v.severity === 'violation'),
];

/**
 * An interrupted run ends as the signal would (130, 143, 129); otherwise the gate fails on any violation, a failing
 * verdict of a rerun, or a command that did not exit 0.
 */
export const gateExitCode = (r: GateResultInput): number =>
  r.interrupted
    ? EXIT_CODE_OF[r.interrupted]
    : r.violations.length > 0 || failingVerdicts(r).length > 0 || r.exitCode !== 0
      ? 1
      : 0;
