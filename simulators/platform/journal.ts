// The platform's request journal: a bounded ring of what every client sent and what it was answered, for audits.
import type { JournalEntry } from '../../contracts/control/api.ts';

export type { JournalEntry };

/** Works out an entry's error code and endpoint when it is first read. */
export type Derive = { errorCodeOf: () => string | undefined; endpointOf?: () => string | undefined };

/** An entry as stored: its error code and endpoint not worked out yet. */
type Unread = Omit<JournalEntry, 'errorCode' | 'endpoint'> & { derive: Derive };

export class Journal {
  private readonly ring: (JournalEntry | Unread | undefined)[];
  private next = 0;
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = Math.max(0, capacity);
    this.ring = new Array(this.capacity);
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  /**
   * Adds an entry and returns its sequence number (1, 2, ...). The error code and the endpoint are worked out only
   * when the entry is read: parsing every answer body on the request path cost the model a measurable share of its
   * throughput. A bare function is the error code's.
   */
  add(
    entry: Omit<JournalEntry, 'seq' | 'errorCode' | 'endpoint'>,
    derive: Derive | (() => string | undefined),
  ): number {
    const seq = ++this.next;
    const d = typeof derive === 'function' ? { errorCodeOf: derive } : derive;
    if (this.capacity > 0) this.ring[(seq - 1) % this.capacity] = { seq, ...entry, derive: d };
    return seq;
  }

  /** The entry at a ring slot, its error code and endpoint worked out (once) if that is still to do. */
  private read(slot: number): JournalEntry | undefined {
    const e = this.ring[slot];
    if (!e || !('derive' in e)) return e;
    const { derive, ...rest } = e;
    const errorCode = derive.errorCodeOf();
    const endpoint = derive.endpointOf?.();
    const done: JournalEntry = {
      ...rest,
      ...(errorCode === undefined ? {} : { errorCode }),
      ...(endpoint === undefined ? {} : { endpoint }),
    };
    this.ring[slot] = done;
    return done;
  }

  /** Entries with seq > `since`, oldest first (those pushed out of the ring are gone). */
  since(since = 0, filter: (e: JournalEntry) => boolean = () => true): JournalEntry[] {
    const first = Math.max(since + 1, this.next - this.capacity + 1, 1);
    const out: JournalEntry[] = [];
    for (let seq = first; seq <= this.next; seq++) {
      const e = this.read((seq - 1) % this.capacity);
      if (e && e.seq === seq && filter(e)) out.push(e);
    }
    return out;
  }

  get lastSeq(): number {
    return this.next;
  }

  clear(): void {
    this.ring.fill(undefined);
  }
}
