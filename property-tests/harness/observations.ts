// What the suite records of every step: the vendor calls it made (as data) and the platform's state before and after.
import type { Vendor } from '../../contracts/common/problem.ts';
import type { CommandView } from '../../simulators/model/command.ts';
import type { DeviceView } from '../../simulators/model/device.ts';

export type CallOp = 'create' | 'get' | 'cancel' | 'cancel-all' | 'revoke' | 'modify' | 'query' | 'show';

/** A command's lifecycle times as the store keeps them (epoch ms). */
export type TimeField = 'createdAt' | 'sentAt' | 'deliveredAt' | 'respondedAt';

/** One timestamp a vendor answer carried: Huawei text (yyyyMMdd'T'HHmmss'Z') or EnOS epoch milliseconds. */
export type SeenTime = {
  commandId: string;
  field: TimeField;
  value: string | number | null;
  format: 'huawei' | 'epoch-ms';
};

/** One vendor API call, reduced to what the invariants read. */
export type CallRecord = {
  vendor: Vendor;
  op: CallOp;
  /** Platform time of the call. */
  at: number;
  /** The application the call counts against (throttle), when the vendor has one. */
  app?: string;
  device?: string;
  outcome: 'ok' | 'throttled' | 'vendor-error' | 'invalid-response' | 'other';
  code?: string;
  /** The id a successful create answered with. */
  createdId?: string;
  /** Ids a cancel, cancel-all or revocation answered with, in answer order. */
  ids?: string[];
  /** The revocation task's totalCount, when it answered one. */
  totalCount?: number;
  /** Command statuses exactly as the answer spelled them (OceanConnect), in answer order. */
  statuses?: string[];
  /** The revocation task's own status as spelled (OceanConnect). */
  taskStatus?: string;
  times?: SeenTime[];
};

export type Snapshot = { now: number; commands: CommandView[]; devices: DeviceView[] | undefined };

export type Observation = { label: string; before: Snapshot; after: Snapshot; calls: CallRecord[] };

/** A broken rule: the check that caught it, what it saw, and the step. fast-check reports the message. */
export class PropertyViolation extends Error {
  readonly check: string;
  readonly details: readonly string[];
  readonly step: string;

  constructor(check: string, details: readonly string[], step: string) {
    super(`[${check}] after ${step}:\n  - ${details.join('\n  - ')}`);
    this.name = 'PropertyViolation';
    this.check = check;
    this.details = details;
    this.step = step;
  }
}
