// Rule `recancel`: the client cancelled a command again after the platform refused because it was no longer cancellable (EnOS 11905).
import { VENDORS } from '../../vendors/index.ts';
import { type AuditEntry, type Rule, type Violation, violation } from './types.ts';

const ID = 'recancel';

/** The vendors whose gate plug-in names such a refusal (EnOS: 11905, not in state Created). */
const hooks = () => VENDORS.flatMap((v) => (v.gate.recancel ? [{ vendor: v.id, ...v.gate.recancel }] : []));

export const recancelRule: Rule = {
  id: ID,
  cause: 'sent-again',
  description: `after ${hooks()
    .map((h) => `${h.refusalCode} (command ${h.why})`)
    .join(', ')} the same command is not cancelled again`,
  check: (entries) => {
    const out: Violation[] = [];
    const refused = new Map<string, AuditEntry>();
    for (const e of entries) {
      const hook = hooks().find((h) => h.vendor === e.vendor);
      const key = hook?.commandOf(e);
      if (!hook || key === undefined) continue;
      const first = refused.get(`${e.vendor}/${key}`);
      if (first)
        out.push(
          violation(
            ID,
            e,
            `cancelled command ${key.split('/').at(-1)} again after request #${first.seq} was answered ${hook.refusalCode} (${hook.why})`,
          ),
        );
      else if (e.errorCode === hook.refusalCode) refused.set(`${e.vendor}/${key}`, e);
    }
    return out;
  },
};
