// A min-heap of events keyed by platform time (ties run in insertion order), with O(log n) schedule and cancel.

/**
 * An opaque number naming one scheduled entry. It encodes a slot and the slot's generation, so a handle whose entry
 * already ran or was cancelled is recognised as stale even after the slot is reused.
 */
export type SchedulerHandle = number;

const SLOT_BITS = 26;
const SLOT_SPACE = 2 ** SLOT_BITS; // at most 67,108,864 entries scheduled at the same time
const GEN_SPACE = 2 ** (53 - SLOT_BITS); // 2^27: fits an Int32Array
const INITIAL_CAPACITY = 1024;

/**
 * Entries live in slots of parallel typed arrays (time, insertion sequence, heap position, generation) plus one
 * array of event values, so an entry costs about 28 bytes and no object; the heap itself is an array of slot numbers.
 */
export class Scheduler<E> {
  private times = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private pos = new Int32Array(INITIAL_CAPACITY).fill(-1);
  private gens = new Int32Array(INITIAL_CAPACITY);
  private events: (E | undefined)[] = [];
  private heap = new Int32Array(INITIAL_CAPACITY);
  private free = new Int32Array(INITIAL_CAPACITY);
  private freeTop = 0;
  private nextSlot = 0;
  private nextSeq = 0;
  private count = 0;

  /** Number of entries waiting. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest waiting entry, or undefined when none waits. */
  nextAt(): number | undefined {
    return this.count > 0 ? this.times[this.heap[0]!] : undefined;
  }

  schedule(at: number, event: E): SchedulerHandle {
    if (Number.isNaN(at)) throw new RangeError('scheduler: time is NaN');
    const slot = this.allocSlot();
    this.times[slot] = at;
    this.seqs[slot] = this.nextSeq++;
    this.events[slot] = event;
    const i = this.count++;
    this.heap[i] = slot;
    this.pos[slot] = i;
    this.siftUp(i);
    return this.gens[slot]! * SLOT_SPACE + slot;
  }

  /** True when the handle's entry is still waiting. */
  has(handle: SchedulerHandle): boolean {
    return this.slotOf(handle) >= 0;
  }

  /** Removes a waiting entry; false when it already ran, was cancelled, or never existed. */
  cancel(handle: SchedulerHandle): boolean {
    const slot = this.slotOf(handle);
    if (slot < 0) return false;
    this.removeAt(this.pos[slot]!);
    return true;
  }

  /**
   * Runs every entry due at or before `now`, earliest first and, for equal times, in insertion order; entries the
   * handler schedules at or before `now` run in the same call. Returns how many ran.
   */
  runDue(now: number, handler: (event: E, at: number) => void): number {
    let ran = 0;
    while (this.count > 0) {
      const slot = this.heap[0]!;
      const at = this.times[slot]!;
      if (at > now) break;
      const event = this.events[slot] as E;
      this.removeAt(0);
      ran++;
      handler(event, at);
    }
    return ran;
  }

  /** Drops every entry; handles issued before stay stale. */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.release(this.heap[i]!);
    this.count = 0;
  }

  private slotOf(handle: SchedulerHandle): number {
    if (!Number.isSafeInteger(handle) || handle < 0) return -1;
    const slot = handle % SLOT_SPACE;
    const gen = (handle - slot) / SLOT_SPACE;
    if (slot >= this.nextSlot || this.gens[slot] !== gen || this.pos[slot]! < 0) return -1;
    return slot;
  }

  private allocSlot(): number {
    if (this.freeTop > 0) return this.free[--this.freeTop]!;
    if (this.nextSlot >= SLOT_SPACE) throw new RangeError('scheduler: too many entries scheduled at once');
    if (this.nextSlot === this.times.length) this.grow();
    return this.nextSlot++;
  }

  private release(slot: number): void {
    this.pos[slot] = -1;
    this.events[slot] = undefined;
    this.gens[slot] = (this.gens[slot]! + 1) % GEN_SPACE;
    if (this.freeTop === this.free.length) {
      const bigger = new Int32Array(this.free.length * 2);
      bigger.set(this.free);
      this.free = bigger;
    }
    this.free[this.freeTop++] = slot;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(n);
    seqs.set(this.seqs);
    this.seqs = seqs;
    const pos = new Int32Array(n).fill(-1);
    pos.set(this.pos);
    this.pos = pos;
    const gens = new Int32Array(n);
    gens.set(this.gens);
    this.gens = gens;
    const heap = new Int32Array(n);
    heap.set(this.heap);
    this.heap = heap;
  }

  private removeAt(i: number): void {
    const slot = this.heap[i]!;
    const last = --this.count;
    if (i !== last) {
      const moved = this.heap[last]!;
      this.heap[i] = moved;
      this.pos[moved] = i;
      if (i > 0 && this.less(moved, this.heap[(i - 1) >> 1]!)) this.siftUp(i);
      else this.siftDown(i);
    }
    this.release(slot);
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const slot = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.less(slot, p)) break;
      heap[i] = p;
      this.pos[p] = i;
      i = parent;
    }
    heap[i] = slot;
    this.pos[slot] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = this.count;
    const slot = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && this.less(heap[r]!, heap[l]!) ? r : l;
      const c = heap[child]!;
      if (!this.less(c, slot)) break;
      heap[i] = c;
      this.pos[c] = i;
      i = child;
    }
    heap[i] = slot;
    this.pos[slot] = i;
  }
}
