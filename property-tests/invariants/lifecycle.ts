// Invariants of the lifecycle itself: terminal states stay, expiry is exact, queues drain in order, nothing is lost.
import { isTerminal } from '../../contracts/common/lifecycle.ts';
import { byId, IN_FLIGHT_STATES, type Invariant } from './types.ts';

export const terminalStaysTerminal: Invariant = {
  name: 'terminal-stays-terminal',
  says: 'a command in CANCELED, EXPIRED, SUCCEEDED, FAILED or TIMED_OUT never changes state or finish time again',
  check: (o) => {
    const after = byId(o.after);
    const out: string[] = [];
    for (const b of o.before.commands) {
      if (!isTerminal(b.state)) continue;
      const a = after.get(b.commandId);
      if (a && (a.state !== b.state || a.finishedAt !== b.finishedAt))
        out.push(`${b.commandId} left ${b.state} (at ${b.finishedAt}) for ${a.state} (at ${a.finishedAt})`);
    }
    return out;
  },
};

export const expiryAtTtl: Invariant = {
  name: 'expiry-at-ttl',
  says: 'a PENDING command expires exactly at createdAt + TTL in platform time: never earlier, never later',
  check: (o) => {
    const out: string[] = [];
    for (const c of o.after.commands) {
      const deadline = c.createdAt + c.ttlMs;
      if (c.state === 'EXPIRED' && c.finishedAt !== deadline)
        out.push(`${c.commandId} expired at ${c.finishedAt}, its TTL ends at ${deadline}`);
      if (c.state === 'PENDING' && deadline <= o.after.now)
        out.push(`${c.commandId} is still PENDING ${o.after.now - deadline} ms after its TTL ended`);
    }
    return out;
  },
};

export const queueOrder: Invariant = {
  name: 'queue-order',
  says: "a device's commands go out one at a time, in creation order: each is sent only after every older one ended",
  check: (o) => {
    const out: string[] = [];
    const devices = new Set(o.after.commands.map((c) => c.deviceKey));
    for (const key of devices) {
      const mine = o.after.commands.filter((c) => c.deviceKey === key).sort((a, b) => a.seq - b.seq);
      const flying = mine.filter((c) => IN_FLIGHT_STATES.has(c.state));
      if (flying.length > 1)
        out.push(
          `${key} has ${flying.length} commands in flight: ${flying.map((c) => c.commandId).join(', ')}`,
        );
      for (const c of mine) {
        if (c.sentAt === null) continue;
        for (const older of mine) {
          if (older.seq >= c.seq) break;
          if (older.finishedAt === null || older.finishedAt > c.sentAt)
            out.push(`${c.commandId} was sent at ${c.sentAt} before the older ${older.commandId} ended`);
        }
      }
    }
    return out;
  },
};

export const noneLostOrDuplicated: Invariant = {
  name: 'none-lost-or-duplicated',
  says: 'every command created is kept exactly once: no id vanishes, repeats, or appears without a create',
  check: (o) => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const c of o.after.commands) {
      if (seen.has(c.commandId)) out.push(`${c.commandId} is listed twice`);
      seen.add(c.commandId);
    }
    const before = new Set(o.before.commands.map((c) => c.commandId));
    for (const id of before) if (!seen.has(id)) out.push(`${id} vanished`);
    const created = o.calls
      .filter((c) => c.op === 'create' && c.outcome === 'ok')
      .map((c) => c.createdId ?? '?');
    const fresh = [...seen].filter((id) => !before.has(id));
    if (JSON.stringify([...created].sort()) !== JSON.stringify([...fresh].sort()))
      out.push(`creates answered [${created.join(', ')}], the platform gained [${fresh.join(', ')}]`);
    return out;
  },
};
