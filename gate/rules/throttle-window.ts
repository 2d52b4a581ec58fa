// Rule `throttle-window`: after a 403 1010009 the client kept calling before the application's throttle window reopened.
import { OC_ERROR_CODES } from '../../contracts/oceanconnect/errors.ts';
import type { ThrottleConfig } from '../../simulators/model/throttle.ts';
import { type AuditEntry, headerOf, type Rule, type Violation, violation } from './types.ts';

const ID = 'throttle-window';
const THROTTLED = OC_ERROR_CODES.throttled;

/**
 * When the window that refused a call at `at` reopens. Fixed windows are computed from the configuration; for the
 * other algorithms the reopening depends on the history, so undefined: only calls the platform itself refused count.
 */
export const reopensAt = (cfg: ThrottleConfig | undefined, at: number): number | undefined => {
  if (cfg?.algorithm !== 'fixed-window' || cfg.alignment !== 'epoch') return undefined;
  const k = Math.floor((at - cfg.originMs) / cfg.windowMs);
  return cfg.originMs + (k + 1) * cfg.windowMs;
};

export const throttleWindowRule: Rule = {
  id: ID,
  description: `after 1010009 no further call of the same application until its throttle window reopens`,
  check: (entries, ctx) => {
    const out: Violation[] = [];
    /** Per application: the refusal that closed its window and when the window reopens. */
    const closed = new Map<string, { refusal: AuditEntry; until: number | undefined; reported: boolean }>();
    for (const e of entries) {
      const app = `${e.vendor}/${headerOf(e, 'app_key') ?? ''}`;
      const open = closed.get(app);
      if (open) {
        const inside = open.until === undefined ? e.errorCode === THROTTLED : e.at < open.until;
        if (!inside) closed.delete(app);
        else if (!open.reported) {
          open.reported = true;
          const later = entries.filter(
            (x) =>
              x.seq > e.seq &&
              `${x.vendor}/${headerOf(x, 'app_key') ?? ''}` === app &&
              (open.until === undefined ? x.errorCode === THROTTLED : x.at < open.until),
          ).length;
          out.push(
            violation(
              ID,
              e,
              `called again ${Math.round(e.at - open.refusal.at)} ms (platform) after 1010009 on request #${open.refusal.seq}` +
                (open.until === undefined
                  ? ''
                  : `, before the window reopened at +${Math.round(open.until - open.refusal.at)} ms`) +
                (later > 0 ? ` (and ${later} more calls inside the window)` : ''),
            ),
          );
        }
      }
      if (e.errorCode === THROTTLED && !closed.has(app))
        closed.set(app, { refusal: e, until: reopensAt(ctx.throttle[e.vendor], e.at), reported: false });
    }
    return out;
  },
};
