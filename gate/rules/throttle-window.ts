// Rule `throttle-window`: after a 403 1010009 the client kept calling before the application's throttle window reopened.
import type { ThrottleConfig } from '../../simulators/model/throttle.ts';
import { VENDORS } from '../../vendors/index.ts';
import { ms } from '../limits.ts';
import { type AuditEntry, type Rule, type Violation, violation } from './types.ts';

const ID = 'throttle-window';

/** The vendors whose gate plug-in names a throttle refusal (OceanConnect: 1010009 per app_key). */
const hooks = () =>
  VENDORS.flatMap((v) => (v.gate.throttleWindow ? [{ vendor: v.id, ...v.gate.throttleWindow }] : []));
const hookOf = (e: AuditEntry) => hooks().find((h) => h.vendor === e.vendor);
/** The application a call counts against, or undefined for a vendor this rule does not judge. */
const appOf = (e: AuditEntry): string | undefined => {
  const hook = hookOf(e);
  return hook ? `${e.vendor}/${hook.appOf(e)}` : undefined;
};
const isRefusal = (e: AuditEntry): boolean =>
  e.errorCode !== undefined && e.errorCode === hookOf(e)?.refusalCode;

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
  cause: 'sent-again',
  description: `after ${hooks()
    .map((h) => h.refusalCode)
    .join(', ')} no further call of the same application until its throttle window reopens`,
  check: (entries, ctx) => {
    const out: Violation[] = [];
    /** Per application: the refusal that closed its window and when the window reopens. */
    const closed = new Map<string, { refusal: AuditEntry; until: number | undefined; reported: boolean }>();
    for (const e of entries) {
      const app = appOf(e);
      if (app === undefined) continue;
      const open = closed.get(app);
      if (open) {
        const inside = open.until === undefined ? isRefusal(e) : e.at < open.until;
        if (!inside) closed.delete(app);
        else if (!open.reported) {
          open.reported = true;
          const later = entries.filter(
            (x) =>
              x.seq > e.seq &&
              appOf(x) === app &&
              (open.until === undefined ? isRefusal(x) : x.at < open.until),
          ).length;
          out.push(
            violation(
              ID,
              e,
              `called again ${ms(e.at - open.refusal.at)} (platform) after ${open.refusal.errorCode} on request #${open.refusal.seq}` +
                (open.until === undefined
                  ? ''
                  : `, before the window reopened at +${ms(open.until - open.refusal.at)}`) +
                (later > 0 ? ` (and ${later} more calls inside the window)` : ''),
            ),
          );
        }
      }
      if (isRefusal(e) && !closed.has(app))
        closed.set(app, { refusal: e, until: reopensAt(ctx.throttle[e.vendor], e.at), reported: false });
    }
    return out;
  },
};
