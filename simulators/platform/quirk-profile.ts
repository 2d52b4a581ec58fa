// Which vendor quirks a running platform has removed, and the onSend hook that takes them out of the answers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { quirkIds, quirksOf } from '../../contracts/quirks.ts';
import { CONTROL_PREFIX } from '../../contracts/control/api.ts';
import type { VendorSim } from './vendor-sim.ts';

/** The faithful profile removes nothing: every quirk the vendor documents is reproduced. */
export class QuirkProfile {
  private readonly configured: readonly string[];
  private removed: ReadonlySet<string>;

  constructor(configured: readonly string[]) {
    this.configured = configured;
    this.removed = new Set(configured);
  }

  /** The ids of `ids` that name no quirk (empty: all are known). */
  static unknown(ids: readonly string[]): string[] {
    return ids.filter((id) => !quirkIds().includes(id));
  }

  set(ids: readonly string[]): void {
    this.removed = new Set(ids);
  }

  /** Back to the configured profile (a reset). */
  reset(): void {
    this.removed = new Set(this.configured);
  }

  list(): string[] {
    return quirkIds().filter((id) => this.removed.has(id));
  }

  get faithful(): boolean {
    return this.removed.size === 0;
  }

  has(id: string): boolean {
    return this.removed.has(id);
  }
}

/** A fastify onSend hook: answers of a vendor lose the removed quirks (status and body), control calls are untouched. */
export const quirkHook =
  (profile: QuirkProfile, vendorOf: (url: string) => VendorSim | undefined) =>
  async (req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (profile.faithful || typeof payload !== 'string' || req.url.startsWith(CONTROL_PREFIX)) return payload;
    const vendor = vendorOf(req.url)?.vendor;
    const quirks = vendor === undefined ? [] : quirksOf(vendor).filter((q) => profile.has(q.id));
    if (quirks.length === 0) return payload;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    let status = reply.statusCode;
    let changed = false;
    for (const q of quirks) {
      const r = q.remove({ method: req.method, url: req.url, status, body });
      if (!r) continue;
      ({ status, body } = r);
      changed = true;
    }
    if (!changed) return payload;
    reply.code(status);
    return JSON.stringify(body);
  };
