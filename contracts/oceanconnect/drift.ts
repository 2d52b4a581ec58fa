// OceanConnect's drift facts (free-form fields, codes, messages, enums, formats) and what each pinned interaction needs of a target.
import {
  DRIFT_BAD_TOKEN,
  DRIFT_UNKNOWN_ID,
  type DriftFacts,
  formatCheck,
  huaweiTimeFormat,
  type Need,
} from '../common/drift.ts';
import { AppId, CommandId, DeviceId, TaskId } from './constraints.ts';
import { OC_INTERACTIONS as I } from './coverage.ts';
import { COMMAND_STATUSES, REVOCATION_COMMAND_STATUSES, TASK_STATUSES } from './states.ts';

const SEED = 'seed 002/003 (Create Device Command Revocation Task)';
const time = (field: string) => huaweiTimeFormat(field, '20170222T164000Z');
const id = (field: string, schema: typeof AppId) => ({
  field,
  name: 'String(1-64)',
  example: 'c0a8014e7f3b4d21a9e65b3c2d1f0e7a',
  check: formatCheck(schema),
});

export const DRIFT_FACTS: DriftFacts = {
  freeForm: [
    {
      field: 'command',
      why: `serviceId, method and paras come from the device's profile: "The specific format depends on the application and device" (${SEED})`,
    },
    { field: 'paras', why: `"key-value pairs ... named after paraName in the profile" (${SEED})` },
    {
      field: 'result',
      why: `ObjectNode, "the detailed command execution result" as the device reports it (${SEED})`,
    },
  ],
  messages: ['error_desc'],
  codes: ['error_code'],
  // The seed sample serialises these as null although the table types them (contracts/oceanconnect/DECISIONS.md).
  nullable: [
    'callbackUrl',
    'expireTime',
    'result',
    'executeTime',
    'platformIssuedTime',
    'deliveredTime',
    'issuedTimes',
  ],
  enums: [
    {
      field: 'status',
      values: [...new Set([...COMMAND_STATUSES, ...REVOCATION_COMMAND_STATUSES, ...TASK_STATUSES])],
      source: `${SEED}; VENDOR-NOTES section 2 (command and task statuses, the vendor's spellings included)`,
    },
  ],
  formats: [
    time('creationTime'),
    time('executeTime'),
    time('platformIssuedTime'),
    time('deliveredTime'),
    id('commandId', CommandId),
    id('deviceId', DeviceId),
    id('appId', AppId),
    id('taskId', TaskId),
  ],
  variants: [],
};

const state = (reason: string): Need => ({ kind: 'state', reason });
const refusedApp = state(
  'the vendor documents 100203/100217 with both HTTP 200 and 403 and no rule for which: only the simulator can be told which to send',
);
/** A fresh PENDING command, created through the vendor's API. */
const FRESH_COMMAND = { replay: I.createCommand, capture: { name: 'commandId', at: '$.commandId' } };
const MODIFY_ID = { at: 'path', after: 'deviceCommands' } as const;

export const DRIFT_NEEDS: Record<string, Need> = {
  [I.login]: { kind: 'plain', renews: { header: 'authorization', prefix: 'Bearer ', at: '$.accessToken' } },
  [I.createCommand]: {
    kind: 'plain',
    capture: { name: 'commandId', at: '$.commandId' },
    cleanup: [{ replay: I.cancelCommand, alter: [{ slot: MODIFY_ID, captured: 'commandId' }] }],
  },
  [I.createCommandLimit]: state(
    'needs 20 PENDING commands on the device (the drift run does not fill a real queue)',
  ),
  [I.queryCommands]: { kind: 'plain' },
  [I.queryRevocationTasks]: { kind: 'plain' },
  [I.cancelCommand]: {
    kind: 'made',
    what: 'a fresh PENDING command, created first, then modified to CANCELED',
    setup: [FRESH_COMMAND],
    alter: [{ slot: MODIFY_ID, captured: 'commandId' }],
  },
  [I.revokeSeveralPending]: {
    kind: 'made',
    what: 'a fresh PENDING command created first (the revocation removes it)',
    setup: [FRESH_COMMAND],
  },
  [I.revokeNonePending]: {
    kind: 'made',
    what: 'a device with nothing pending (a revocation task sent just before empties it)',
    setup: [{ replay: I.revokeNonePending }],
  },
  [I.revokeAppNotExisted200]: refusedApp,
  [I.revokeAppNotExisted403]: refusedApp,
  [I.revokeAppNotAuthorized200]: refusedApp,
  [I.revokeAppNotAuthorized403]: refusedApp,
  [I.revokeDeviceUnknown]: {
    kind: 'made',
    what: 'an unknown device id',
    alter: [{ slot: { at: 'body', name: 'deviceId' }, set: DRIFT_UNKNOWN_ID }],
  },
  [I.revokeInputInvalid]: {
    kind: 'made',
    what: 'a 65-character deviceId (the pinned request is invalid by design)',
  },
  [I.revokeThrottled]: state(
    'needs the application throttle window exhausted (100 calls in the current minute)',
  ),
  [I.revokeCongestion]: state(
    'needs the network flow-controlled (503 100501): an error only the simulator can inject',
  ),
  [I.revokeInternalError]: state(
    'needs an internal error (500 100001): an error only the simulator can inject',
  ),
  [I.revokeTokenInvalid]: {
    kind: 'made',
    what: 'an invalid access token',
    alter: [{ header: 'authorization', set: `Bearer ${DRIFT_BAD_TOKEN}` }],
  },
  [I.revokeAppKeyMissing]: {
    kind: 'made',
    what: 'no app_key header (a team app_key is never added)',
    alter: [{ header: 'app_key', drop: true }],
  },
};
