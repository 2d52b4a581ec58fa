// The custom k6 metrics of every script (each vendor's set made by its calls.ts), and how one classified answer is recorded.
import { Counter, Rate, Trend } from 'k6/metrics';

export type Verdict = 'success' | 'throttled' | 'unexpected';

/** One answer, classified: the documented success, the documented throttle, or anything else. */
export type CallOutcome = {
  verdict: Verdict;
  /** Commands the call cancelled (a success only). */
  cancelled: number;
  /** A throttled answer whose body is the documented one byte for byte. */
  verbatim: boolean;
  /** Wall milliseconds the request took. */
  latencyMs: number;
};

/** One vendor's metrics, `<prefix>_calls` and so on; each vendor's calls.ts makes its set once, in the init context. */
export const metricsFor = (prefix: string) => ({
  calls: new Counter(`${prefix}_calls`),
  success: new Rate(`${prefix}_success`),
  throttled: new Counter(`${prefix}_throttled`),
  throttledShare: new Rate(`${prefix}_throttled_share`),
  throttledVerbatim: new Rate(`${prefix}_throttled_verbatim`),
  unexpected: new Counter(`${prefix}_unexpected`),
  cancelled: new Counter(`${prefix}_cancelled`),
  latency: new Trend(`${prefix}_latency`, true),
});
export type VendorMetrics = ReturnType<typeof metricsFor>;

/** Back-off client: its first throttle (expected once) and every throttle after it (wasted calls). */
export const BACKOFF_FIRST_THROTTLE = new Counter('backoff_first_throttle');
export const BACKOFF_WASTED = new Counter('backoff_wasted');
/** Fleet drain: targets (devices or commands) still not cancelled when their iteration gave up. */
export const DRAIN_LEFT = new Counter('drain_left');

export const record = (m: VendorMetrics, o: CallOutcome): CallOutcome => {
  m.calls.add(1);
  m.success.add(o.verdict === 'success');
  m.throttledShare.add(o.verdict === 'throttled');
  if (o.verdict === 'throttled') {
    m.throttled.add(1);
    m.throttledVerbatim.add(o.verbatim);
  }
  if (o.verdict === 'unexpected') m.unexpected.add(1);
  if (o.cancelled > 0) m.cancelled.add(o.cancelled);
  m.latency.add(o.latencyMs);
  return o;
};
