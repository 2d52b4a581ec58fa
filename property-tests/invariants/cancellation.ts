// Invariants of cancelling and revoking: only PENDING goes, nothing delivered goes, cancel-all is exact, counts add up.
import { byId, IN_FLIGHT_STATES, type Invariant } from './types.ts';

const CANCELLING_OPS: ReadonlySet<string> = new Set(['cancel', 'cancel-all', 'revoke', 'modify']);

export const onlyPendingCancelled: Invariant = {
  name: 'only-pending-cancelled',
  says: 'a command becomes CANCELED only from PENDING, and a cancel answer lists only commands that were PENDING',
  check: (o) => {
    const before = byId(o.before);
    const out: string[] = [];
    for (const c of o.after.commands) {
      const b = before.get(c.commandId);
      if (c.state === 'CANCELED' && b && b.state !== 'CANCELED' && b.state !== 'PENDING')
        out.push(`${c.commandId} went ${b.state} -> CANCELED`);
    }
    for (const call of o.calls) {
      if (call.outcome !== 'ok' || !CANCELLING_OPS.has(call.op)) continue;
      for (const id of call.ids ?? []) {
        const b = before.get(id);
        if (b && b.state !== 'PENDING') out.push(`${call.op} answered ${id}, which was ${b.state}`);
      }
    }
    return out;
  },
};

export const deliveredNeverRevoked: Invariant = {
  name: 'delivered-never-revoked',
  says: 'a command already sent or delivered to its device is never cancelled or revoked',
  check: (o) => {
    const before = byId(o.before);
    const out: string[] = [];
    for (const c of o.after.commands) {
      const b = before.get(c.commandId);
      if (b && IN_FLIGHT_STATES.has(b.state) && c.state === 'CANCELED')
        out.push(`${c.commandId} was ${b.state} and is now CANCELED`);
    }
    for (const call of o.calls) {
      if (call.outcome !== 'ok' || !CANCELLING_OPS.has(call.op)) continue;
      for (const id of call.ids ?? []) {
        const b = before.get(id);
        if (b && IN_FLIGHT_STATES.has(b.state)) out.push(`${call.op} revoked ${id}, which was ${b.state}`);
      }
    }
    return out;
  },
};

export const cancelAllExact: Invariant = {
  name: 'cancel-all-exact',
  says: 'cancel-all (and a revocation task) answers exactly the pending commands, in queue order, and leaves none',
  check: (o) => {
    const out: string[] = [];
    for (const call of o.calls) {
      if (call.outcome !== 'ok' || (call.op !== 'cancel-all' && call.op !== 'revoke')) continue;
      const pending = o.before.commands
        .filter((c) => c.deviceKey === call.device && c.state === 'PENDING')
        .sort((a, b) => a.seq - b.seq)
        .map((c) => c.commandId);
      const got = call.ids ?? [];
      if (JSON.stringify(got) !== JSON.stringify(pending))
        out.push(
          `${call.op} on ${call.device} answered [${got.join(', ')}], pending were [${pending.join(', ')}]`,
        );
      const left = o.after.commands.filter((c) => c.deviceKey === call.device && c.state === 'PENDING');
      if (left.length > 0)
        out.push(`${call.op} on ${call.device} left ${left.map((c) => c.commandId).join(', ')} PENDING`);
    }
    return out;
  },
};

export const totalCountMatches: Invariant = {
  name: 'total-count',
  says: "a revocation task's totalCount equals the length of its deviceCommands",
  check: (o) =>
    o.calls
      .filter((c) => c.op === 'revoke' && c.outcome === 'ok')
      .filter((c) => c.totalCount !== (c.ids ?? []).length)
      .map(
        (c) =>
          `revocation on ${c.device}: totalCount ${c.totalCount}, deviceCommands ${(c.ids ?? []).length}`,
      ),
};
