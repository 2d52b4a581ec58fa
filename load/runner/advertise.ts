// Moves a run file's URLs to the origins k6 reaches the simulators at (kept apart from run-file.ts, which the k6 scripts' type check reads).
import type { RunFile } from './run-file.ts';

/**
 * The run file as k6 elsewhere must see it: every URL whose origin is a key of `origins` moved to the mapped origin
 * (simulators reached by the runner through a port-forward, by k6 pods through a cluster service).
 */
export const advertise = (run: RunFile, origins: ReadonlyMap<string, string>): RunFile => {
  const move = (url: string): string => {
    const u = new URL(url);
    const to = origins.get(u.origin);
    return to === undefined
      ? url
      : `${to.replace(/\/+$/, '')}${u.pathname === '/' ? '' : u.pathname}${u.search}`;
  };
  return {
    ...run,
    apps: Object.fromEntries(
      Object.entries(run.apps).map(([vendor, apps]) => [
        vendor,
        apps.map((a) => ({ ...a, baseUrl: move(a.baseUrl), controlUrl: move(a.controlUrl) })),
      ]),
    ),
  };
};
