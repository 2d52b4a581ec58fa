// Polling WireMock's health endpoint until it answers 200, within a bounded time.
import { request } from 'undici';

export type HealthOutcome = { ok: true } | { ok: false; message: string };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks `GET <url>/__admin/health` every 100 ms until it answers 200 or `timeoutMs` has passed. `gaveUp` is
 * asked before every try: when it returns a reason (the JVM exited, say), polling stops at once with it.
 */
export const waitForHealth = async (
  url: string,
  timeoutMs: number,
  gaveUp: () => string | undefined = () => undefined,
): Promise<HealthOutcome> => {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const reason = gaveUp();
    if (reason !== undefined)
      return { ok: false, message: `${reason} before ${url}/__admin/health answered` };
    try {
      // One try never outlasts the deadline, so a server that accepts but never answers cannot stretch the wait.
      const res = await request(`${url}/__admin/health`, {
        signal: AbortSignal.timeout(Math.max(50, Math.min(2_000, deadline - Date.now()))),
      });
      const body = await res.body.text();
      if (res.statusCode === 200) return { ok: true };
      last = `HTTP ${res.statusCode}: ${body.slice(0, 200)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() >= deadline)
      return {
        ok: false,
        message: `${url}/__admin/health did not answer 200 within ${timeoutMs} ms (${last})`,
      };
    await sleep(100);
  }
};
