// The timestamp invariant: every time a vendor answer shows reads back, in the vendor's format, to the platform's record.
import { parseHuaweiTime } from '../../contracts/common/huawei-time.ts';
import { byId, type Invariant } from './types.ts';

export const timestampsRoundTrip: Invariant = {
  name: 'timestamps-round-trip',
  says: "every timestamp in an answer (yyyyMMdd'T'HHmmss'Z' or epoch ms) reads back to the platform's time, to the unit",
  check: (o) => {
    const after = byId(o.after);
    const out: string[] = [];
    for (const call of o.calls) {
      for (const seen of call.times ?? []) {
        const c = after.get(seen.commandId);
        if (!c) continue;
        const ms = c[seen.field];
        const what = `${call.op} ${seen.commandId} ${seen.field}`;
        if (ms === null) {
          if (seen.value !== null) out.push(`${what}: answered ${seen.value}, the platform has none`);
          continue;
        }
        if (seen.format === 'epoch-ms') {
          if (seen.value !== ms) out.push(`${what}: answered ${seen.value}, the platform has ${ms}`);
          continue;
        }
        const read = typeof seen.value === 'string' ? parseHuaweiTime(seen.value) : undefined;
        if (read !== Math.floor(ms / 1000) * 1000)
          out.push(`${what}: answered ${seen.value}, the platform has ${new Date(ms).toISOString()}`);
      }
    }
    return out;
  },
};
