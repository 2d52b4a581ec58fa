// EnOS's drift facts (free-form fields, codes, messages, enums, formats, documented variants) and what each pinned interaction needs of a target.
import { DRIFT_UNKNOWN_ID, type DriftFacts, formatCheck, type Need, type Step } from '../common/drift.ts';
import { CommandId, LocalTimeText } from './constraints.ts';
import { INTERACTIONS as I } from './coverage.ts';
import { ENOS_STATE_CODES } from './states.ts';

const SEED = 'seed 000 (Cancel Command, Command Struct)';

export const DRIFT_FACTS: DriftFacts = {
  freeForm: [
    {
      field: 'inputData',
      why: `"The value data type will be as per defined in the ThingModel" (${SEED}); a bare value for measurement points (222 in both seeds)`,
    },
    {
      field: 'outputData',
      why: `"this will return the service output results" as the ThingModel defines them (${SEED})`,
    },
  ],
  messages: ['msg', 'submsg'],
  // `status` is the token service's code.
  codes: ['code', 'status'],
  nullable: ['outputData'],
  enums: [
    { field: 'state', values: [...ENOS_STATE_CODES], source: `${SEED}: 1 Created .. 7 Response timed out` },
    {
      field: 'commandType',
      values: [1, 2],
      source: `${SEED}: 1 measurement point setting, 2 service invocation`,
    },
  ],
  formats: [
    {
      field: 'commandId',
      name: '1..128 of [A-Za-z0-9_-.:@] (contracts/enos/DECISIONS.md)',
      example: '2278935391225618432',
      check: formatCheck(CommandId),
    },
    {
      field: 'createLocalTime',
      name: 'yyyy-MM-dd HH:mm:ss',
      example: '2019-06-14 17:40:23',
      check: formatCheck(LocalTimeText),
    },
  ],
  variants: [
    {
      field: 'createTime',
      types: ['number', 'string'],
      source: 'a digit string in seed 000, a number in seed 001',
    },
    {
      field: 'createLocalTime',
      types: ['string', 'number'],
      source: 'text in seed 000, a number in seed 001',
    },
    {
      field: 'inputData',
      types: ['object', 'number', 'string', 'array'],
      source: `documented as a map, a bare number in the seeds' measurement-point samples (${SEED})`,
    },
  ],
};

const COMMAND_ID = { at: 'query', name: 'commandId' } as const;
const capture = { name: 'commandId', at: '$.data.commandId' };
/** A fresh cached command: a measurement point setting (commandType 1) or a service invocation (commandType 2). */
const FRESH_MEASUREPOINT: Step = { replay: I.setMeasurepointCached, capture };
const FRESH_SERVICE: Step = { replay: I.invokeServiceCached, capture };
const cancel = (replay: string): Step => ({ replay, alter: [{ slot: COMMAND_ID, captured: 'commandId' }] });

export const DRIFT_NEEDS: Record<string, Need> = {
  [I.invokeServiceCached]: { kind: 'plain', capture, cleanup: [cancel(I.cancelOneByDeviceKey)] },
  [I.setMeasurepointCached]: { kind: 'plain', capture, cleanup: [cancel(I.cancelOneByAssetId)] },
  [I.cancelOneByAssetId]: {
    kind: 'made',
    what: 'a fresh cached measurement-point command, cancelled by its id',
    setup: [FRESH_MEASUREPOINT],
    alter: [{ slot: COMMAND_ID, captured: 'commandId' }],
  },
  [I.cancelOneByDeviceKey]: {
    kind: 'made',
    what: 'a fresh cached service command, cancelled by its id',
    setup: [FRESH_SERVICE],
    alter: [{ slot: COMMAND_ID, captured: 'commandId' }],
  },
  [I.cancelAllByAssetId]: {
    kind: 'made',
    what: 'a fresh cached command before the cancel-all',
    setup: [FRESH_MEASUREPOINT],
  },
  [I.cancelAllByDeviceKey]: {
    kind: 'made',
    what: 'a fresh cached command before the cancel-all',
    setup: [FRESH_SERVICE],
  },
  [I.cancelAllAsGet]: {
    kind: 'made',
    what: 'a fresh cached command before the cancel-all',
    setup: [FRESH_MEASUREPOINT],
  },
  [I.cancelAllNoneCached]: {
    kind: 'made',
    what: 'a device with nothing cached (a cancel-all sent just before)',
    setup: [{ replay: I.cancelAllNoneCached }],
  },
  [I.cancel11404]: {
    kind: 'made',
    what: 'an unknown commandId',
    alter: [{ slot: COMMAND_ID, set: DRIFT_UNKNOWN_ID }],
  },
  [I.cancel11905]: {
    kind: 'made',
    what: 'a command no longer in state 1 (a fresh one, cancelled once before)',
    setup: [FRESH_MEASUREPOINT, cancel(I.cancelOneByAssetId)],
    alter: [{ slot: COMMAND_ID, captured: 'commandId' }],
  },
  [I.cancel99400]: {
    kind: 'made',
    what: 'an unknown orgId',
    alter: [{ slot: { at: 'query', name: 'orgId' }, set: DRIFT_UNKNOWN_ID }],
  },
  [I.getReleased]: {
    kind: 'state',
    reason: 'needs a command the device has taken (state 4 Released): only the simulator can script a device',
  },
  [I.searchCreated]: { kind: 'plain' },
  [I.tokenGet]: { kind: 'plain' },
};
