// The vendor-spelling invariant: OceanConnect answers keep the vendor's own spellings exactly where the vendor uses them.
import type { Invariant } from '../invariants/types.ts';

/** Revocation answers: a new task is WAITTING and a revoked (pending) command is PENDDING; elsewhere PENDING. */
export const vendorSpelling: Invariant = {
  name: 'vendor-spelling',
  says:
    'a new revocation task answers WAITTING and lists each revoked command as PENDDING (verbatim, seed 002); ' +
    'create, modify and query answers spell PENDING',
  check: (o) => {
    const out: string[] = [];
    for (const call of o.calls) {
      if (call.outcome !== 'ok') continue;
      if (call.op === 'revoke') {
        if (call.taskStatus !== 'WAITTING')
          out.push(`a new revocation task answered ${call.taskStatus}, not WAITTING`);
        for (const [i, s] of (call.statuses ?? []).entries())
          if (s !== 'PENDDING') out.push(`revoked command ${call.ids?.[i]} answered as ${s}, not PENDDING`);
      } else if ((call.statuses ?? []).includes('PENDDING')) {
        out.push(`a ${call.op} answer spells PENDDING, which only revocation answers use`);
      }
    }
    return out;
  },
};
