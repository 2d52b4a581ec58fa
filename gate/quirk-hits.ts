// Which vendor quirks (contracts/quirks.ts) one journalled answer carries, and where: the field and the value.
import type { Quirk } from '../contracts/common/quirk.ts';
import { quirksOf } from '../contracts/quirks.ts';
import type { AuditEntry } from './rules/types.ts';

export type CarriedQuirk = { quirk: Quirk; field: string; value: string };

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Every place the answer carries a quirk of its vendor, in the vendor's quirk order. */
export const quirksCarried = (e: AuditEntry): CarriedQuirk[] => {
  const answer = { method: e.method, url: e.url, status: e.status, body: parsed(e.responseBody) };
  return quirksOf(e.vendor).flatMap((quirk) => quirk.find(answer).map((hit) => ({ quirk, ...hit })));
};

/** `deviceCommands[0].status = "PENDDING"`, for each place, joined. */
export const placesOf = (carried: readonly CarriedQuirk[]): string =>
  carried.map((c) => `${c.field} = ${c.value}`).join(', ');
