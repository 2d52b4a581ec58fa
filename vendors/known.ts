// The registered vendor ids for modules the registry itself imports: filled in by vendors/index.ts as it loads, read only afterwards.

/**
 * Empty until vendors/index.ts has loaded. A module on the registry's own import path (the control API's contract,
 * say) cannot import the registry without a cycle, so it reads the ids from here when it needs them, never at load.
 */
export const knownVendorIds: string[] = [];
