// The deterministic OceanConnect fleet and every id the simulator makes: derived from the configured seed by hashing.
import { createHash } from 'node:crypto';
import { z } from 'zod';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const digest = (seed: number, label: string): Buffer =>
  createHash('sha256').update(`oceanconnect:${seed}:${label}`).digest();

/** `length` base-62 characters derived from the seed and a label (at most 32). */
export const alnumId = (seed: number, label: string, length: number): string => {
  const bytes = digest(seed, label);
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[bytes[i]! % 62];
  return out;
};

/** 32 lower-case hex characters derived from the seed and a label. */
export const hexId = (seed: number, label: string): string =>
  digest(seed, label).toString('hex').slice(0, 32);

/** A UUID-shaped id (version 4 layout) derived from the seed and a label, as the platform's device and task ids look. */
export const uuidId = (seed: number, label: string): string => {
  const h = hexId(seed, label);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Number.parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The vendor's section of the ready line (and of GET /__control/fleet): the application and its devices. */
export const Fleet = z.object({ appId: z.string(), secret: z.string(), devices: z.array(z.string()) });
export type Fleet = z.infer<typeof Fleet>;
export type OcFleet = Fleet;

/** The default application and its devices: the same seed always gives the same credentials and device ids. */
export const fleetOf = (seed: number, devices: number): OcFleet => ({
  appId: alnumId(seed, 'app', 28),
  secret: alnumId(seed, 'secret', 24),
  devices: Array.from({ length: devices }, (_, i) => uuidId(seed, `device:${i}`)),
});
