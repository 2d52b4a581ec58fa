// Filtering and paging of command records (by device, state, creation time, order) into pages of views.
import type { CanonicalState } from '../../contracts/common/lifecycle.ts';
import { type CommandRecord, type CommandView, viewOf } from './command.ts';

export type CommandQuery = {
  deviceKey?: string;
  states?: readonly CanonicalState[];
  /** Inclusive bounds on createdAt. */
  createdFrom?: number;
  createdTo?: number;
  /** By creation order; default 'asc'. */
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
};

/** `total` counts every match; `nextOffset` is the offset of the next page, or null on the last one. */
export type CommandPage = { items: CommandView[]; total: number; nextOffset: number | null };

/** One page of `source` (records in creation order) matching `query`; `deviceKey` is left to the caller's source. */
export const pageOf = (source: readonly CommandRecord[], query: CommandQuery): CommandPage => {
  const states = query.states && new Set(query.states);
  const from = query.createdFrom ?? Number.NEGATIVE_INFINITY;
  const to = query.createdTo ?? Number.POSITIVE_INFINITY;
  const offset = Math.max(0, query.offset ?? 0);
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const desc = query.order === 'desc';
  const items: CommandView[] = [];
  let total = 0;
  for (let k = 0; k < source.length; k++) {
    const r = source[desc ? source.length - 1 - k : k]!;
    if (states && !states.has(r.state)) continue;
    if (r.createdAt < from || r.createdAt > to) continue;
    if (total >= offset && items.length < limit) items.push(viewOf(r));
    total++;
  }
  const end = offset + items.length;
  return { items, total, nextOffset: end < total ? end : null };
};
