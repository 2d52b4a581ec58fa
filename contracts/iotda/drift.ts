// IoTDA's drift facts (free-form fields, codes, messages, enums, formats) and what each pinned interaction needs of a target.
import {
  DRIFT_BAD_TOKEN,
  DRIFT_UNKNOWN_ID,
  type DriftFacts,
  formatCheck,
  huaweiTimeFormat,
  type Need,
} from '../common/drift.ts';
import { CommandId, DeviceId, SendStrategy } from './constraints.ts';
import { INTERACTIONS as I } from './coverage.ts';
import { IOTDA_STATUSES } from './states.ts';

const SEED = 'seed 004 (Query a Command with a Specific ID)';
const time = (field: string) => huaweiTimeFormat(field, '20151212T121212Z');

export const DRIFT_FACTS: DriftFacts = {
  freeForm: [
    {
      field: 'paras',
      why: `the command's parameters: "The specific format depends on the application and device" (${SEED})`,
    },
    {
      field: 'result',
      why: `"Detailed command execution result, which is returned by the device" (${SEED})`,
    },
  ],
  messages: ['error_msg'],
  codes: ['error_code'],
  nullable: [],
  enums: [
    { field: 'status', values: [...IOTDA_STATUSES], source: SEED },
    { field: 'send_strategy', values: [...SendStrategy.options], source: SEED },
  ],
  formats: [
    time('created_time'),
    time('sent_time'),
    time('delivered_time'),
    time('response_time'),
    {
      field: 'command_id',
      name: 'at most 100 of [A-Za-z0-9_-]',
      example: 'b1224afb-e9f0-4916-8220-b6bab568e888',
      check: formatCheck(CommandId),
    },
    {
      field: 'device_id',
      name: 'at most 128 of [A-Za-z0-9_-]',
      example: 'c1224afb-e9f0-4916-8220-b6bab568e888',
      check: formatCheck(DeviceId),
    },
  ],
  variants: [],
};

const taken = (status: string): Need => ({
  kind: 'state',
  reason: `needs a command in status ${status}, which takes a device that answers commands: only the simulator can script one`,
});
const injected = (what: string): Need => ({
  kind: 'state',
  reason: `needs ${what}: an error only the simulator can inject`,
});

/** A fresh PENDING command: created with send_strategy delay (IoTDA has no cancel API: it expires after expire_time). */
const FRESH_COMMAND = {
  replay: I.createDelay,
  capture: { name: 'commandId', at: '$.command_id' },
};

export const DRIFT_NEEDS: Record<string, Need> = {
  [I.createDelay]: { kind: 'plain' },
  [I.createDelayAksk]: { kind: 'plain' },
  [I.createImmediately]: {
    kind: 'state',
    reason:
      'needs the device online (an immediately command to an offline device is refused with IOTDA.014016)',
  },
  [I.createOffline]: {
    kind: 'state',
    reason:
      'needs the device offline for sure: whether a real device is connected is not for the drift run to decide',
  },
  [I.listQueued]: { kind: 'plain' },
  [I.listHistory]: { kind: 'plain' },
  [I.show400]: injected('a 400 IOTDA.000006 on a well-formed show request'),
  [I.show401]: {
    kind: 'made',
    what: 'an invalid X-Auth-Token',
    alter: [{ header: 'x-auth-token', set: DRIFT_BAD_TOKEN }],
  },
  [I.show403]: { kind: 'state', reason: 'needs the credentials of an application that no longer exists' },
  [I.show404]: {
    kind: 'made',
    what: 'an unknown device id',
    alter: [{ slot: { at: 'path', after: 'devices' }, set: DRIFT_UNKNOWN_ID }],
  },
  [I.show429]: { kind: 'state', reason: "needs the API gateway's throttle exhausted" },
  [I.show500]: injected('a 500 IOTDA.000001'),
  [I.show200Error]: injected('IOTDA.014111 (command timed out) sent with HTTP 200'),
  [I.showPending]: {
    kind: 'made',
    what: 'a fresh PENDING command (created with send_strategy delay; no cancel API, it expires)',
    setup: [FRESH_COMMAND],
    alter: [{ slot: { at: 'path', after: 'async-commands' }, captured: 'commandId' }],
  },
  [I.showExpired]: {
    kind: 'state',
    reason: 'needs a command whose expire_time has passed: only the simulator can move its clock',
  },
  [I.showSent]: taken('SENT'),
  [I.showSentAksk]: taken('SENT'),
  [I.showDelivered]: taken('DELIVERED'),
  [I.showSuccessful]: taken('SUCCESSFUL'),
  [I.showFailed]: taken('FAILED'),
  [I.showTimeout]: taken('TIMEOUT'),
};
