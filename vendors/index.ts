// The vendor registry: the one list of vendors every capability loops over, and the Vendor type derived from it.
import { z } from 'zod';
import { enos } from './enos.ts';
import { iotda } from './iotda.ts';
import { knownVendorIds } from './known.ts';
import { oceanconnect } from './oceanconnect.ts';

export type { ThrottleFacts, VendorDescriptor } from './descriptor.ts';

/** Every vendor the harness knows, in the order reports and help texts list them. A new vendor is one line here. */
export const VENDORS = [enos, oceanconnect, iotda] as const;

knownVendorIds.push(...VENDORS.map((v) => v.id));

export type AnyVendor = (typeof VENDORS)[number];
export type Vendor = AnyVendor['id'];

/** The ids, in registry order (CLI choices, control API paths). */
export const vendorIds = (): Vendor[] => VENDORS.map((v) => v.id);

/** A registered vendor's id, as a schema (CLI input, report fields). */
export const VendorId = z.enum(vendorIds() as [Vendor, ...Vendor[]]);

export const isVendor = (id: string): id is Vendor => VENDORS.some((v) => v.id === id);

/** The descriptor of a vendor id. */
export const vendorOf = <V extends Vendor>(id: V): Extract<AnyVendor, { id: V }> =>
  VENDORS.find((v) => v.id === id) as Extract<AnyVendor, { id: V }>;

/** A record with one value per vendor, in registry order. */
export const perVendor = <T>(value: (v: AnyVendor) => T): Record<Vendor, T> =>
  Object.fromEntries(VENDORS.map((v) => [v.id, value(v)])) as Record<Vendor, T>;
