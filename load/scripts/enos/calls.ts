// EnOS calls of the scripts: cancel every cached command of a device (action=cancel without commandId), signed as APIM requires.
import { sha256 } from 'k6/crypto';
import http from 'k6/http';
import type { EnosApp as EnosAppFull } from '../../runner/enos/app.ts';
import type { RunApp } from '../lib/run.ts';
import { type CallOutcome, metricsFor, record } from '../lib/metrics.ts';
import { ENOS_COMMANDS_PATH, ENOS_THROTTLED_CODE, METRICS_PREFIX } from './constants.ts';

/** An application as a VU holds it: its ids stay in the run's SharedArrays (lib/run.ts). */
type EnosApp = Omit<EnosAppFull, 'devices'>;

const ENOS_METRICS = metricsFor(METRICS_PREFIX);

/** apim-signature = sha256(accessToken + paramsData + timestamp + appSecret); paramsData: sorted name+value, then the body. */
const signature = (app: EnosApp, query: Record<string, string>, timestamp: number): string => {
  const params = Object.keys(query)
    .sort()
    .map((k) => k + query[k])
    .join('');
  return sha256(app.accessToken + params + String(timestamp) + app.appSecret, 'hex');
};

/** POST commands?action=cancel&orgId&assetId: the documented success is code 0 with the cancelled commands. */
export const cancelAll = (app: EnosApp, assetId: string): CallOutcome => {
  const query: Record<string, string> = { action: 'cancel', orgId: app.orgId, assetId };
  const timestamp = Date.now();
  const qs = Object.keys(query)
    .map((k) => `${k}=${encodeURIComponent(query[k] ?? '')}`)
    .join('&');
  const res = http.post(`${app.baseUrl}${ENOS_COMMANDS_PATH}?${qs}`, null, {
    headers: {
      'apim-accesstoken': app.accessToken,
      'apim-signature': signature(app, query, timestamp),
      'apim-timestamp': String(timestamp),
    },
    responseType: 'text',
    tags: { name: 'enos cancel' },
  });
  let body: { code?: unknown; data?: unknown } | undefined;
  try {
    body = JSON.parse(res.body ?? '') as { code?: unknown; data?: unknown };
  } catch {
    body = undefined;
  }
  const base = { cancelled: 0, verbatim: false, latencyMs: res.timings.duration };
  if (res.status === 200 && body?.code === ENOS_THROTTLED_CODE)
    return record(ENOS_METRICS, { ...base, verdict: 'throttled', verbatim: true });
  const list = res.status === 200 && body?.code === 0 && Array.isArray(body.data) ? body.data : undefined;
  return record(
    ENOS_METRICS,
    list ? { ...base, verdict: 'success', cancelled: list.length } : { ...base, verdict: 'unexpected' },
  );
};

/** EnOS's entry in the k6 registry (lib/vendors.ts): a cancel without commandId cancels all of a device. */
export const K6_CALLS = { cancelAll: (app: RunApp, assetId: string) => cancelAll(app as EnosApp, assetId) };
