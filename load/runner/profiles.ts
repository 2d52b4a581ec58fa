// The load profiles (load/profiles.json): per scenario and profile, the time scale, rates, fleet and k6 thresholds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadVendors } from './load-vendors.ts';
import { done, type Outcome, refused } from './outcome.ts';
import { DRAIN_STRATEGIES, type ScenarioName } from './run-file.ts';

export const LOAD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PROFILES_FILE = path.join(LOAD_DIR, 'profiles.json');

const Thresholds = z.record(z.string(), z.array(z.string()));

/** What every profile shares: the platform's throttle (the primary vendor's documented 100 per 60 s by default). */
const common = {
  description: z.string().default(''),
  /** Platform ms per wall ms. */
  timeScale: z.number().positive().max(100_000),
  limit: z.number().int().positive().default(100),
  windowMs: z.number().int().positive().default(60_000),
  alignToWindow: z.boolean().default(true),
  /** Route k6 through the WireMock front door (one instance only) instead of calling the platform model directly. */
  frontDoor: z.boolean().default(false),
  seed: z.number().int().default(1),
  devices: z.number().int().positive().max(100_000),
  pending: z.number().int().nonnegative(),
  thresholds: Thresholds,
};

export const PacedProfile = z
  .object({
    ...common,
    windows: z.number().int().positive(),
    callsPerWindow: z.number().positive(),
    /** The load vendors the run calls (load/runner/<vendor>/plugin.ts). */
    vendors: z.array(z.enum(loadVendors().map((v) => v.id) as [string, ...string[]])).min(1),
    /** Each vendor's own fields (e.g. switching an optional throttle on), from its load plug-in. */
    ...(Object.assign({}, ...loadVendors().map((v) => v.load.pacedProfileFields ?? {})) as Record<
      never,
      never
    >),
    /** over-limit: the measured throttled share may differ from 1 - limit/callsPerWindow by this much. */
    throttledShareTolerance: z.number().nonnegative().optional(),
    /**
     * The share of each window its calls are spread over (1: evenly, k6's constant arrival rate). Below 1 the calls of a
     * window come in one run that leaves the rest of the window idle, room for late calls: at a time scale of 600 an
     * evenly spaced call has 3/4 of a wall millisecond before it slips into the next window (load/README.md).
     */
    spread: z.number().gt(0).max(1).default(1),
  })
  .refine((p) => p.spread === 1 || Number.isInteger(p.callsPerWindow / p.spread), {
    message: 'with spread below 1, callsPerWindow / spread must be a whole number of slots per window',
    path: ['spread'],
  });
export type PacedProfile = z.infer<typeof PacedProfile>;

export const DrainProfile = z.object({
  ...common,
  /** "auto": the largest scale that keeps the total call rate under maxWallRate calls per wall second. */
  timeScale: z.union([z.number().positive().max(100_000), z.literal('auto')]),
  maxWallRate: z.number().positive().default(200),
  apps: z.number().int().positive().max(64),
  callsPerWindow: z.number().positive(),
  strategy: z.enum(DRAIN_STRATEGIES).default('revoke'),
});
export type DrainProfile = z.infer<typeof DrainProfile>;

export const BackoffProfile = z.object({
  ...common,
  windows: z.number().int().positive(),
  demandPerWindow: z.number().positive(),
  marginRatio: z.number().nonnegative().max(1),
});
export type BackoffProfile = z.infer<typeof BackoffProfile>;

export const ProfilesFile = z.object({
  'at-limit': z.record(z.string(), PacedProfile),
  'over-limit': z.record(z.string(), PacedProfile),
  'fleet-drain': z.record(z.string(), DrainProfile),
  'back-off': z.record(z.string(), BackoffProfile),
});
export type ProfilesFile = z.infer<typeof ProfilesFile>;

export type ProfileOf<S extends ScenarioName> = ProfilesFile[S][string];

/** Reads and checks the profiles file once (at the entry point). */
export const readProfiles = (file = PROFILES_FILE): Outcome<ProfilesFile> => {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return refused('profiles', `${file}: ${(err as Error).message}`);
  }
  const parsed = ProfilesFile.safeParse(json);
  if (!parsed.success)
    return refused(
      'profiles',
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return done(parsed.data);
};

/** One profile of one scenario, or a Problem naming the profiles that exist. */
export const profileOf = <S extends ScenarioName>(
  profiles: ProfilesFile,
  scenario: S,
  name: string,
): Outcome<ProfileOf<S>> => {
  const table = profiles[scenario] as Record<string, ProfileOf<S>>;
  const found = table[name];
  if (found) return done(found);
  return refused(
    'profiles',
    `scenario ${scenario} has no profile "${name}" (known: ${Object.keys(table).join(', ')})`,
  );
};
