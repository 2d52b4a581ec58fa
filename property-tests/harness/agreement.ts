// Model against simulator: every command's state and times, and every device's queue, must be the same.
import type { CommandView } from '../../simulators/model/command.ts';
import type { ModelCommand } from '../model/lifecycle.ts';
import type { PropsModel } from '../model/state.ts';
import type { Snapshot } from './observations.ts';

const FIELDS = [
  'deviceKey',
  'seq',
  'state',
  'createdAt',
  'ttlMs',
  'timeoutMs',
  'sentAt',
  'deliveredAt',
  'respondedAt',
  'finishedAt',
] as const satisfies readonly (keyof ModelCommand & keyof CommandView)[];

/** Every difference between the model and the platform's record, in words ([] when they agree). */
export const disagreements = (m: PropsModel, s: Snapshot): string[] => {
  const out: string[] = [];
  const real = new Map(s.commands.map((c) => [c.commandId, c]));
  for (const mc of m.life.commands) {
    const rc = real.get(mc.commandId);
    if (!rc) {
      out.push(`${mc.commandId}: the model has it (${mc.state}), the platform does not`);
      continue;
    }
    real.delete(mc.commandId);
    for (const f of FIELDS)
      if (mc[f] !== rc[f])
        out.push(`${mc.commandId}.${f}: model ${String(mc[f])}, platform ${String(rc[f])}`);
  }
  for (const rc of real.values())
    out.push(`${rc.commandId}: the platform has it (${rc.state}), the model does not`);
  for (const d of s.devices ?? []) {
    if (!m.life.devices.has(d.deviceKey)) continue;
    const md = m.life.device(d.deviceKey);
    const pending = m.life.pendingOf(d.deviceKey).length;
    if (md.online !== d.online)
      out.push(`device ${d.deviceKey}.online: model ${md.online}, platform ${d.online}`);
    if (md.inFlight !== d.inFlight)
      out.push(`device ${d.deviceKey}.inFlight: model ${md.inFlight}, platform ${d.inFlight}`);
    if (pending !== d.pending)
      out.push(`device ${d.deviceKey}.pending: model ${pending}, platform ${d.pending}`);
  }
  return out;
};
