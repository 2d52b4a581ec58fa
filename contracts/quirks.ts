// Every vendor quirk the simulator reproduces and `harness gate --quirks` removes one at a time: the registry's quirk lists together.
import { VENDORS } from '../vendors/index.ts';
import type { Quirk } from './common/quirk.ts';

/** Read when called (the registry imports the simulators, which read these): registry order, then each vendor's own. */
export const allQuirks = (): readonly Quirk[] => VENDORS.flatMap((v) => v.quirks);
export const quirkIds = (): string[] => allQuirks().map((q) => q.id);
export const quirkById = (id: string): Quirk | undefined => allQuirks().find((q) => q.id === id);
/** The quirks of one vendor. */
export const quirksOf = (vendor: string): Quirk[] => allQuirks().filter((q) => q.vendor === vendor);
