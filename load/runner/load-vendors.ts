// The registered vendors that take part in load runs (a `load` plug-in in their descriptor), and the primary one.
import { type AnyVendor, type Vendor, VENDORS } from '../../vendors/index.ts';
import type { RunApp } from './run-file.ts';
import type { LoadTarget, LoadVendor } from './vendor.ts';

export type LoadVendorEntry = {
  id: Vendor;
  name: string;
  pendingCap: number;
  refusalCode: string;
  load: LoadVendor<unknown, LoadTarget, RunApp>;
};

const entryOf = (v: AnyVendor): LoadVendorEntry[] =>
  'load' in v && v.load
    ? [
        {
          id: v.id,
          name: v.name,
          pendingCap: v.pendingCap,
          refusalCode: v.throttle.refusalCode,
          load: v.load as unknown as LoadVendor<unknown, LoadTarget, RunApp>,
        },
      ]
    : [];

/** Registry order. */
export const loadVendors = (): LoadVendorEntry[] => VENDORS.flatMap(entryOf);

export const loadVendorOf = (id: string): LoadVendorEntry => {
  const v = loadVendors().find((x) => x.id === id);
  if (!v) throw new Error(`vendor ${id} takes no part in load runs`);
  return v;
};

/** The vendor whose documented throttle the load figures measure (its plug-in says `primary`). */
export const primaryVendor = (): LoadVendorEntry => {
  const v = loadVendors().find((x) => x.load.primary);
  if (!v) throw new Error('no registered load vendor is primary');
  return v;
};
