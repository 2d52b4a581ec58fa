// The default IoTDA fleet derived from the simulator seed: project id, AK/SK, IAM token and device ids, always the same per seed.
import { z } from 'zod';
import { fnv1a32, mulberry32 } from '../model/rng.ts';

/** The vendor's section of the ready line (and of GET /__control/fleet): project, credentials and devices. */
export const Fleet = z.object({
  projectId: z.string(),
  ak: z.string(),
  sk: z.string(),
  authToken: z.string(),
  /** The region a derived (V11-HMAC-SHA256) signature must name in its credential scope. */
  region: z.string(),
  devices: z.array(z.string()),
});
export type Fleet = z.infer<typeof Fleet>;
export type IotdaFleetSection = Fleet;

const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The region the simulated instance is in: derived AK/SK signatures (standard and enterprise instances) must name it,
 * as a real instance's gateway checks its own. Huawei's SDK samples use cn-north-4.
 */
export const IOTDA_SIM_REGION = 'cn-north-4';

const draw = (next: () => number, alphabet: string, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
};

/**
 * One seed, one fleet: a 32-hex project id (Huawei's shape), an AK of 20 upper-case characters, a 40-character SK, an
 * IAM-like token, the region, and `<product_id>_<node>` device ids (the platform's own device-id rule), all within the documented
 * id character set.
 */
export const iotdaFleetOf = (seed: number, devices: number): IotdaFleetSection => {
  const next = mulberry32(fnv1a32(`iotda-fleet:${seed}`));
  const projectId = draw(next, HEX, 32);
  const ak = `HPUA${draw(next, UPPER, 16)}`;
  const sk = draw(next, ALNUM, 40);
  const authToken = `MIIsim${draw(next, ALNUM, 58)}`;
  const productId = draw(next, HEX, 24);
  const width = Math.max(4, String(devices).length);
  return {
    projectId,
    ak,
    sk,
    authToken,
    region: IOTDA_SIM_REGION,
    devices: Array.from(
      { length: devices },
      (_, i) => `${productId}_sim-${String(i + 1).padStart(width, '0')}`,
    ),
  };
};
