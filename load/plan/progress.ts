// Progress of a planning drive: a live bar on a terminal (cli-progress), plain lines elsewhere (CI logs, files).
import cliProgress from 'cli-progress';
import type { DriveProgress } from './drive.ts';

const hours = (ms: number): string => `${(ms / 3_600_000).toFixed(2)} h`;
const eta = (p: DriveProgress): string => {
  const done = p.targets - p.targetsLeft;
  if (done <= 0 || p.targetsLeft === 0) return p.targetsLeft === 0 ? '0 s' : '?';
  const s = Math.round(((p.wallMs / 1000) * p.targetsLeft) / done);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
};

export type ProgressSink = { update(caseName: string, p: DriveProgress): void; stop(): void };

/**
 * On a terminal (`stream.isTTY`): one bar per case, redrawn in place, with platform time, devices left, calls per
 * wall second and the ETA. Elsewhere: one plain line at most every `everyMs` of wall time, and one at the end.
 */
export const progressSink = (stream: NodeJS.WriteStream, everyMs = 5000): ProgressSink => {
  if (stream.isTTY) {
    const bars = new cliProgress.MultiBar(
      {
        stream,
        format:
          '  {case} [{bar}] {percentage}% | platform {platform} | {left} left | {rate} calls/s | ETA {eta}',
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    const byCase = new Map<string, cliProgress.SingleBar>();
    return {
      update: (name, p) => {
        let bar = byCase.get(name);
        if (!bar) {
          bar = bars.create(p.targets, 0);
          byCase.set(name, bar);
        }
        const rate = p.wallMs > 0 ? Math.round((p.calls / p.wallMs) * 1000) : 0;
        bar.update(p.targets - p.targetsLeft, {
          case: name,
          platform: hours(p.elapsedPlatformMs),
          left: p.targetsLeft.toLocaleString('en-US'),
          rate,
          eta: eta(p),
        });
      },
      stop: () => bars.stop(),
    };
  }
  let last = Number.NEGATIVE_INFINITY;
  return {
    update: (name, p) => {
      const now = performance.now();
      if (p.targetsLeft > 0 && now - last < everyMs) return;
      last = now;
      const rate = p.wallMs > 0 ? Math.round((p.calls / p.wallMs) * 1000) : 0;
      stream.write(
        `plan ${name}: platform ${hours(p.elapsedPlatformMs)}, ${p.targetsLeft.toLocaleString('en-US')} of ${p.targets.toLocaleString('en-US')} left, ${rate} calls/s, ETA ${eta(p)}\n`,
      );
    },
    stop: () => {},
  };
};
