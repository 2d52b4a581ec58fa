// Rule `quirk`: the client's command failed, and these answers were the last to carry each vendor quirk it was sent.
import { type CarriedQuirk, placesOf, quirksCarried } from '../quirk-hits.ts';
import { type AuditEntry, type Rule, type Violation, violation } from './types.ts';

const ID = 'quirk';

export const quirkRule: Rule = {
  id: ID,
  cause: 'quirk',
  description:
    'when the client’s command fails, the answer that last carried each vendor quirk (PENDDING, WAITTING, an error with HTTP 200, ...) is named with the field carrying it; `--quirks` reruns without each quirk to tell which one the client breaks on',
  check: (entries, ctx) => {
    if (ctx.exitCode === 0) return [];
    /** Per quirk id, the last answer carrying it and where. */
    const last = new Map<string, { entry: AuditEntry; carried: CarriedQuirk[] }>();
    for (const entry of entries) {
      const byQuirk = new Map<string, CarriedQuirk[]>();
      for (const c of quirksCarried(entry)) byQuirk.set(c.quirk.id, [...(byQuirk.get(c.quirk.id) ?? []), c]);
      for (const [id, carried] of byQuirk) last.set(id, { entry, carried });
    }
    /** One finding per answer, naming every quirk it was the last to carry. */
    const byEntry = new Map<number, { entry: AuditEntry; carried: CarriedQuirk[][] }>();
    for (const { entry, carried } of last.values()) {
      const at = byEntry.get(entry.seq) ?? { entry, carried: [] };
      at.carried.push(carried);
      byEntry.set(entry.seq, at);
    }
    const out: Violation[] = [];
    for (const { entry, carried } of byEntry.values()) {
      const what = carried.map((c) => `${c[0]?.quirk.title} (${placesOf(c)})`).join(' and ');
      out.push(
        violation(
          ID,
          entry,
          `the command exited ${ctx.exitCode ?? '(killed)'}; the last answer carrying ${what} was this one: a client that breaks on it fails here (\`harness gate --quirks\` tells for sure)`,
        ),
      );
    }
    return out.sort((a, b) => a.request.seq - b.request.seq);
  },
};
