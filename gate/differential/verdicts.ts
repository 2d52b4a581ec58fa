// The verdicts of the differential runs (`--quirks`, `--faults`) as the report holds them: class, severity, message, evidence.
import { z } from 'zod';
import { Violation } from '../rules/types.ts';

/** `violation` fails the gate; `warning` is reported and passes; `pass` and `info` say what was seen. */
export const Severity = z.enum(['violation', 'warning', 'pass', 'info']);
export type Severity = z.infer<typeof Severity>;

/** The answer a verdict rests on: the request, its status, and where it carried the quirk or what was injected. */
export const Evidence = z.object({
  seq: z.number().optional(),
  method: z.string(),
  url: z.string(),
  status: z.number(),
  /** `deviceCommands[0].status = "PENDDING"`, `HTTP status = 200 with error code 100418`, the injected answer's body. */
  detail: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const QUIRK_VERDICTS = [
  /** Fails faithfully, passes without the quirk. */
  'breaks-on',
  /** Passes faithfully, fails once an error sent with HTTP 200 comes with its REST status. */
  'took-error-for-success',
  /** Passes faithfully, fails once a misspelling is corrected: drift exposure. */
  'depends-on-misspelling',
  /** Passes faithfully, fails once another oddity of an answer is gone: drift exposure. */
  'depends-on-quirk',
  'robust',
  'not-about-quirks',
  /** No answer of the faithful run carried it: nothing to compare. */
  'not-exercised',
] as const;

export const QuirkVerdict = z.object({
  quirk: z.string(),
  vendor: z.string(),
  title: z.string(),
  verdict: z.enum(QUIRK_VERDICTS),
  severity: Severity,
  message: z.string(),
  /** Exit codes: faithful (or the baseline), and without the quirk; absent when nothing was run. */
  exitCodes: z.object({ with: z.number().nullable(), without: z.number().nullable() }).optional(),
  /** Quirks removed in both runs compared (the ones the client breaks on, when the faithful run failed). */
  baseline: z.array(z.string()).default([]),
  evidence: Evidence.optional(),
});
export type QuirkVerdict = z.infer<typeof QuirkVerdict>;

export const FAULT_VERDICTS = [
  /** Exit 0 and the work done after the failure, retried after a proper wait. */
  'recovered',
  /** Non-zero exit. */
  'failed-loudly',
  /** Exit 0 without the work ever done. */
  'ignored',
  /** Recovered, but sent again sooner than the rules allow. */
  'retried-too-soon',
  /** The endpoint was not called in this run, so nothing was injected. */
  'not-fired',
  /** The faithful run failed: a failure under injection says nothing. */
  'not-judged',
] as const;

export const FaultVerdict = z.object({
  failure: z.string(),
  title: z.string(),
  vendor: z.string(),
  endpoint: z.string(),
  verdict: z.enum(FAULT_VERDICTS),
  severity: Severity,
  message: z.string(),
  exitCode: z.number().nullable().optional(),
  evidence: Evidence.optional(),
  /** The run's rule findings from the injected call on. */
  violations: z.array(Violation).default([]),
});
export type FaultVerdict = z.infer<typeof FaultVerdict>;

export const SEVERITY_OF: Readonly<Record<QuirkVerdict['verdict'] | FaultVerdict['verdict'], Severity>> = {
  'breaks-on': 'violation',
  'took-error-for-success': 'violation',
  'depends-on-misspelling': 'warning',
  'depends-on-quirk': 'warning',
  robust: 'pass',
  'not-about-quirks': 'info',
  'not-exercised': 'info',
  recovered: 'pass',
  'failed-loudly': 'pass',
  ignored: 'violation',
  'retried-too-soon': 'violation',
  'not-fired': 'info',
  'not-judged': 'info',
};
