// How an EnOS call of the suite names a device of the fleet: by assetId, or by productKey + deviceKey.
import type { Real } from '../harness/real.ts';

/** `{orgId, assetId}` or `{orgId, productKey, deviceKey}` for a device of the fleet (unknown devices by assetId). */
export const enosDevice = (
  r: Real,
  assetId: string,
  by: 'asset' | 'keys',
): { orgId: string; assetId?: string; productKey?: string; deviceKey?: string } => {
  const orgId = r.fleet.enos.orgId;
  const d = r.fleet.enos.devices.find((x) => x.assetId === assetId);
  if (by === 'asset' || !d) return { orgId, assetId };
  return { orgId, productKey: d.productKey, deviceKey: d.deviceKey };
};
