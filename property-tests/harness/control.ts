// The suite's client of the simulator's control API: clock, devices, reset, and the platform's own record of commands.
import { Agent, request } from 'undici';
import { z } from 'zod';
import type { DeviceBehaviour } from '../../simulators/model/behaviour.ts';
import { CommandView } from '../../simulators/model/command.ts';
import { DeviceView } from '../../simulators/model/device.ts';
import type { Vendor } from '../../contracts/common/problem.ts';

const ClockState = z.object({ now: z.number(), frozen: z.boolean() });
const CommandPage = z.object({ items: z.array(CommandView), total: z.number() });

export type BehaviourChange = Partial<z.input<typeof DeviceBehaviour>>;

export class ControlClient {
  readonly url: string;
  private readonly agent = new Agent({ connections: 4, pipelining: 1 });

  constructor(controlUrl: string) {
    this.url = controlUrl.replace(/\/+$/, '');
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> {
    const res = await request(`${this.url}${path}`, {
      method,
      dispatcher: this.agent,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode !== 200)
      throw new Error(`control API ${method} ${path} answered ${res.statusCode}: ${text.slice(0, 300)}`);
    return schema.parse(JSON.parse(text));
  }

  async now(): Promise<number> {
    return (await this.call('GET', '/clock', ClockState)).now;
  }

  /** Moves the frozen clock; returns the new platform time. */
  async advance(ms: number): Promise<number> {
    return (await this.call('POST', '/clock', ClockState, { advanceMs: ms })).now;
  }

  async advanceTo(at: number): Promise<number> {
    return (await this.call('POST', '/clock', ClockState, { advanceTo: at })).now;
  }

  /** Forgets every command, token, task and throttle window; the fleet is seeded again (the clock stays). */
  async reset(): Promise<void> {
    await this.call('POST', '/reset', z.unknown());
  }

  async setDevice(
    vendor: Vendor,
    deviceId: string,
    change: { online?: boolean; behaviour?: BehaviourChange },
  ): Promise<DeviceView> {
    return this.call('PUT', `/devices/${vendor}/${encodeURIComponent(deviceId)}`, DeviceView, change);
  }

  /** Changes the vendor's throttle (its windows restart); a reset restores the configured one. */
  async setThrottle(vendor: Vendor, change: { limit?: number; windowMs?: number }): Promise<void> {
    await this.call('PUT', `/throttle/${vendor}`, z.unknown(), change);
  }

  async devices(vendor: Vendor): Promise<DeviceView[]> {
    return this.call('GET', `/devices/${vendor}`, z.array(DeviceView));
  }

  /** Every command the vendor's store holds, in creation order, as the store sees it. */
  async commands(vendor: Vendor): Promise<CommandView[]> {
    return (await this.call('GET', `/commands/${vendor}?limit=10000`, CommandPage)).items;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
