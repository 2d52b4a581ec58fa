// The system under test as one run sees it: the live simulator's clients and control API, plus what was observed so far.
import type { Vendor } from '../../contracts/common/problem.ts';
import { type ControlClient, must } from '../../contracts/control/client.ts';
import type { StepSpec } from '../commands/steps.ts';
import type { FleetSections } from '../../simulators/platform/ready-info.ts';
import type { Invariant } from '../invariants/types.ts';
import type { WindowConfig } from '../model/throttle-window.ts';
import type { SuiteClients } from './clients.ts';
import type { CallRecord, Snapshot } from './observations.ts';

/** Which checks a run makes after every step: agreement with the model, and these invariants. */
export type Checks = { agreement: boolean; invariants: readonly Invariant[] };

export class Real {
  readonly vendor: Vendor;
  readonly control: ControlClient;
  readonly clients: SuiteClients;
  readonly fleet: FleetSections;
  readonly checks: Checks;
  readonly throttle: WindowConfig | undefined;
  /** The platform time: the clock is frozen, so it changes only when this run advances it. */
  now: number;
  last: Snapshot;
  readonly history: CallRecord[] = [];
  /** The steps run so far (their toString; a burst's calls one by one), for failure reports and throughput. */
  readonly trace: string[] = [];
  /** The specs of the commands run so far, in order: what a regression file keeps. */
  readonly ran: StepSpec[] = [];

  constructor(opts: {
    vendor: Vendor;
    control: ControlClient;
    clients: SuiteClients;
    fleet: FleetSections;
    checks: Checks;
    throttle: WindowConfig | undefined;
    now: number;
  }) {
    this.vendor = opts.vendor;
    this.control = opts.control;
    this.clients = opts.clients;
    this.fleet = opts.fleet;
    this.checks = opts.checks;
    this.throttle = opts.throttle;
    this.now = opts.now;
    this.last = { now: opts.now, commands: [], devices: undefined };
  }

  /** The platform's own record of the vendor's commands (and devices, when the model is compared). */
  async snapshot(): Promise<Snapshot> {
    const [commands, devices] = await Promise.all([
      must(this.control.commands(this.vendor, { limit: 10_000 })),
      this.checks.agreement ? must(this.control.devices(this.vendor)) : Promise.resolve(undefined),
    ]);
    return { now: this.now, commands: commands.items, devices };
  }
}
