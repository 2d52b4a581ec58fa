// The one list of vendor quirks the simulator reproduces and `harness gate --quirks` removes one at a time.
import type { Quirk } from './common/quirk.ts';
import { ENOS_QUIRKS } from './enos/quirks.ts';
import { IOTDA_QUIRKS } from './iotda/quirks.ts';
import { OC_QUIRKS } from './oceanconnect/quirks.ts';

export const QUIRKS: readonly Quirk[] = [...OC_QUIRKS, ...ENOS_QUIRKS, ...IOTDA_QUIRKS];
export const QUIRK_IDS: readonly string[] = QUIRKS.map((q) => q.id);

export const quirkById = (id: string): Quirk | undefined => QUIRKS.find((q) => q.id === id);

/** The quirks of one vendor. */
export const quirksOf = (vendor: string): Quirk[] => QUIRKS.filter((q) => q.vendor === vendor);
