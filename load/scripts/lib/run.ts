// The run file, parsed once for the whole k6 process into SharedArrays: targets, tokens, pacing and thresholds, and each application's ids.
import { SharedArray } from 'k6/data';
import type { RunApp as RunAppFull, RunFile } from '../../runner/run-file.ts';

/** The id lists of an application, kept in SharedArrays: a fleet's ids would otherwise be copied into every VU. */
const ID_LISTS = ['devices', 'commands'] as const;
type IdListName = (typeof ID_LISTS)[number];

/** One application as a VU holds it: everything but its id lists (`idsOf` reads those). */
export type RunApp = Pick<RunAppFull, 'baseUrl' | 'controlUrl'> & Record<string, unknown>;
/** The run file as a VU holds it: its applications without their id lists. */
export type RunHead = Omit<RunFile, 'apps'> & { apps: Record<string, RunApp[]> };
/** A read-only list of ids shared by all VUs (k6's SharedArray: each element is decoded when it is read). */
export type IdList = { readonly length: number; readonly [i: number]: string };

const file = __ENV.HARNESS_RUN_FILE;
if (!file)
  throw new Error(
    'HARNESS_RUN_FILE is not set: run this script through `harness load <scenario>` (see load/README.md)',
  );

/**
 * The parsed run file. Only the callbacks of the SharedArrays below read it, and k6 runs those once per process (in the
 * first init context), so a VU never parses the file: it decodes the small head and reads ids one by one.
 */
let parsed: RunFile | undefined;
const whole = (): RunFile => {
  parsed ??= JSON.parse(open(file)) as RunFile;
  return parsed;
};

const headOf = (run: RunFile): RunHead => ({
  ...run,
  apps: Object.fromEntries(
    Object.entries(run.apps).map(([vendor, apps]) => [
      vendor,
      apps.map((app) => {
        const head: Record<string, unknown> = { ...app };
        for (const list of ID_LISTS) delete head[list];
        return head as RunApp;
      }),
    ]),
  ),
});

export const RUN = new SharedArray('harness run', () => [headOf(whole())])[0] as RunHead;

/** Every application's id lists, one SharedArray each, made in the init context (as k6 requires). */
const IDS: Record<string, Record<IdListName, IdList>[]> = Object.fromEntries(
  Object.entries(RUN.apps).map(([vendor, apps]) => [
    vendor,
    apps.map(
      (_, i) =>
        Object.fromEntries(
          ID_LISTS.map((list) => [
            list,
            new SharedArray(`harness ${vendor} ${i} ${list}`, () => {
              const ids = (whole().apps[vendor]?.[i] as Record<string, unknown> | undefined)?.[list];
              return Array.isArray(ids) ? (ids as string[]) : [];
            }) as unknown as IdList,
          ]),
        ) as Record<IdListName, IdList>,
    ),
  ]),
);

/** The device ids (or, `commands`, the seeded command ids) of application `app` of `vendor`; empty when it has none. */
export const idsOf = (vendor: string, app: number, list: IdListName = 'devices'): IdList =>
  IDS[vendor]?.[app]?.[list] ?? [];

/** The vendor whose documented throttle the run measures, its throttle and its applications. */
export const PRIMARY = RUN.primaryVendor;
export const primaryThrottle = (): RunFile['throttle'][string] => {
  const t = RUN.throttle[PRIMARY];
  if (!t) throw new Error(`the run file has no throttle for ${PRIMARY}`);
  return t;
};
export const appsOf = (vendor: string): RunApp[] => RUN.apps[vendor] ?? [];

/** Where handleSummary writes: the run file's path unless this process was given its own (one per execution segment). */
export const SUMMARY_PATH: string = __ENV.HARNESS_SUMMARY_FILE || RUN.summaryPath;
