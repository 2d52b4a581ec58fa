// The default EnOS fleet, derived from the seed alone: one organisation, one application and its credentials, N devices.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const EnosDevice = z.object({
  orgId: z.string(),
  assetId: z.string(),
  productKey: z.string(),
  deviceKey: z.string(),
});
export type EnosDevice = z.infer<typeof EnosDevice>;

export const EnosFleetPlan = z.object({
  orgId: z.string(),
  appKey: z.string(),
  appSecret: z.string(),
  devices: z.array(EnosDevice),
});
export type EnosFleetPlan = z.infer<typeof EnosFleetPlan>;

/** The vendor's section of the ready line (and of GET /__control/fleet): the application and its devices. */
export const Fleet = z.object({
  orgId: z.string(),
  appKey: z.string(),
  appSecret: z.string(),
  devices: z.array(z.object({ assetId: z.string(), productKey: z.string(), deviceKey: z.string() })),
});
export type Fleet = z.infer<typeof Fleet>;

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** UUID-shaped hex, like the vendor's app keys; `enos-poseidon` reads the second dash-separated group as hex. */
const uuidOf = (text: string): string => {
  const h = sha256(text).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** `length` letters and digits drawn from a hash (the shape of the vendor's assetId and productKey, e.g. oxWwM9i5). */
const alnumOf = (text: string, length: number): string => {
  const bytes = sha256(text);
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[bytes[i]! % ALNUM.length];
  return out;
};

/** `o` + 14 digits, the shape of the vendor's orgIds (o15541858646501). */
const orgIdOf = (text: string): string => {
  const n = BigInt(`0x${sha256(text).toString('hex').slice(0, 16)}`) % 10n ** 13n;
  return `o1${n.toString().padStart(13, '0')}`;
};

/** The same seed and count always give the same fleet; devices are numbered from 1. */
export const fleetPlan = (seed: number, count: number): EnosFleetPlan => {
  const orgId = orgIdOf(`enos/org/${seed}`);
  const productKey = alnumOf(`enos/product/${seed}`, 8);
  const taken = new Set<string>();
  const devices: EnosDevice[] = [];
  for (let i = 1; i <= count; i++) {
    let assetId = alnumOf(`enos/asset/${seed}/${i}`, 8);
    if (taken.has(assetId)) assetId = `${assetId}${i}`;
    taken.add(assetId);
    devices.push({ orgId, assetId, productKey, deviceKey: `sim_device_${String(i).padStart(4, '0')}` });
  }
  return {
    orgId,
    appKey: uuidOf(`enos/appKey/${seed}`),
    appSecret: uuidOf(`enos/appSecret/${seed}`),
    devices,
  };
};
