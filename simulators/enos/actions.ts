// The five command actions of EnOS v2.1 (cancel, invokeService, setMeasurepoint, get, search) over the command store.
import type { z } from 'zod';
import { TIMEOUT_DEFAULT } from '../../contracts/enos/constraints.ts';
import {
  CancelQuery,
  type EnosAction,
  GetQuery,
  InvokeServiceBody,
  InvokeServiceQuery,
  PROJECTION_SPELLINGS,
  SearchBody,
  SearchQuery,
  SetMeasurepointBody,
  SetMeasurepointQuery,
} from '../../contracts/enos/requests.ts';
import type { CommandStrict } from '../../contracts/enos/responses.ts';
import { COMMAND_TYPES } from '../../contracts/enos/states.ts';
import type { CommandView, CreateResult } from '../model/command.ts';
import type { EnosFailure } from './answers.ts';
import type { Core } from './core.ts';
import type { EnosDevice } from './fleet.ts';
import { commandStructOf, type EnosPayload } from './projection.ts';
import { parseExpression } from './search-expression.ts';
import { storeKeyOf } from './world.ts';

export type ActionInput = {
  /** Query parameters without `action`, one value each. */
  query: Record<string, string>;
  /** The parsed JSON body, undefined when none was sent. */
  body: unknown;
  /** The calling application (undefined for an enos-poseidon token, which may act on every organisation). */
  appKey: string | undefined;
};
export type ActionResult =
  /** `instant`: an instant invokeService whose answer waits for the device (simulators/enos/instant.ts). */
  | { ok: true; data: unknown; extra?: Record<string, unknown>; instant?: string }
  | { ok: false; failure: EnosFailure };

const failed = (failure: EnosFailure): ActionResult => ({ ok: false, failure });
const documented = (code: number): ActionResult => failed({ kind: 'documented', code });

/** 99400 naming the first refused field, in the vendor's "Invalid Argument <field>: <reason>" form. */
const invalid = (error: z.ZodError, whole: string): ActionResult => {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : whole;
  return failed({ kind: 'invalid-argument', field, reason: issue?.message ?? 'invalid' });
};

type DeviceQuery = { orgId: string; assetId?: string; productKey?: string; deviceKey?: string };

/** orgId must exist (99400), the app must hold it (99403), the device must be in it (99404). */
const resolveDevice = (core: Core, q: DeviceQuery, appKey: string | undefined): EnosDevice | EnosFailure => {
  if (!core.world.orgs.has(q.orgId)) return { kind: 'org-not-exist' };
  if (appKey !== undefined && !core.world.apps.get(appKey)?.orgs.has(q.orgId))
    return { kind: 'denied', orgId: q.orgId };
  const d =
    q.assetId !== undefined
      ? core.world.deviceByAsset(q.assetId)
      : core.world.deviceByKeys(q.productKey ?? '', q.deviceKey ?? '');
  if (!d || d.orgId !== q.orgId) return { kind: 'documented', code: 99404 };
  return d;
};

const isFailure = (d: EnosDevice | EnosFailure): d is EnosFailure => 'kind' in d;
const struct = (core: Core, v: CommandView): CommandStrict =>
  commandStructOf(v, core.options.utcOffsetMinutes);

/** The store's refusals of a create, as EnOS codes (device-busy: the instant command could not go out, 11904). */
const createRefusal = (r: Exclude<CreateResult, { ok: true }>): ActionResult => {
  switch (r.reason) {
    case 'device-offline':
      return documented(11900);
    case 'cap-reached':
      return documented(11902);
    case 'device-busy':
      return documented(11904);
    case 'unknown-device':
      return documented(99404);
    case 'duplicate-id':
      return failed({ kind: 'internal' });
  }
};

const create = (
  core: Core,
  device: EnosDevice,
  commandType: EnosPayload['commandType'],
  q: { pendingTtl?: number; timeout?: number },
  tslIdentifier: string,
  inputData: EnosPayload['inputData'],
): ActionResult => {
  const pendingTtl = q.pendingTtl ?? 0;
  const timeout = q.timeout ?? TIMEOUT_DEFAULT;
  const payload: EnosPayload = { ...device, commandType, tslIdentifier, inputData, pendingTtl, timeout };
  const r = core.store.create(storeKeyOf(device), {
    commandId: core.nextCommandId(),
    payload,
    ttlMs: pendingTtl * 1000,
    timeoutMs: timeout * 1000,
  });
  if (!r.ok) return createRefusal(r);
  const { commandId } = r.command;
  const waits = pendingTtl === 0 && commandType === COMMAND_TYPES.invokeService;
  return { ok: true, data: { commandId }, ...(waits ? { instant: commandId } : {}) };
};

/** A command of this device, or undefined (an id of another device is "not found" for this one). */
const commandOf = (core: Core, device: EnosDevice, commandId: string): CommandView | undefined => {
  const v = core.store.get(commandId);
  return v && v.deviceKey === storeKeyOf(device) ? v : undefined;
};

const invokeService = (core: Core, input: ActionInput): ActionResult => {
  const q = InvokeServiceQuery.safeParse(input.query);
  if (!q.success) return invalid(q.error, 'query');
  const b = InvokeServiceBody.safeParse(input.body);
  if (!b.success) return invalid(b.error, 'inputData');
  const device = resolveDevice(core, q.data, input.appKey);
  if (isFailure(device)) return failed(device);
  return create(core, device, COMMAND_TYPES.invokeService, q.data, q.data.serviceId, b.data.inputData);
};

const setMeasurepoint = (core: Core, input: ActionInput): ActionResult => {
  const q = SetMeasurepointQuery.safeParse(input.query);
  if (!q.success) return invalid(q.error, 'query');
  const b = SetMeasurepointBody.safeParse(input.body);
  if (!b.success) return invalid(b.error, 'value');
  const device = resolveDevice(core, q.data, input.appKey);
  if (isFailure(device)) return failed(device);
  return create(core, device, COMMAND_TYPES.setMeasurepoint, q.data, q.data.measurepointId, b.data.value);
};

/**
 * With commandId: only a command in 1 Created is cancelled, and the answer lists it as it was BEFORE the cancel
 * (state 1, as both seeds show); unknown id 11404, any other state 11905. Without: every cached command of the
 * device, oldest first, each as it was before; an empty list when none is cached.
 */
const cancel = (core: Core, input: ActionInput): ActionResult => {
  const q = CancelQuery.safeParse(input.query);
  if (!q.success) return invalid(q.error, 'query');
  const device = resolveDevice(core, q.data, input.appKey);
  if (isFailure(device)) return failed(device);
  if (q.data.commandId !== undefined) {
    if (!commandOf(core, device, q.data.commandId)) return documented(11404);
    const r = core.store.cancel(q.data.commandId);
    if (!r.ok) return documented(r.reason === 'not-pending' ? 11905 : 11404);
    return { ok: true, data: [struct(core, r.before)] };
  }
  const all = core.store.cancelAll(storeKeyOf(device));
  if (!all.ok) return documented(99404);
  return { ok: true, data: all.before.map((v) => struct(core, v)) };
};

/** One command of the device; an unknown id gives 11404 (the command service's own code; unverified for get). */
const get = (core: Core, input: ActionInput): ActionResult => {
  const q = GetQuery.safeParse(input.query);
  if (!q.success) return invalid(q.error, 'query');
  const device = resolveDevice(core, q.data, input.appKey);
  if (isFailure(device)) return failed(device);
  const v = commandOf(core, device, q.data.commandId);
  return v ? { ok: true, data: struct(core, v) } : documented(11404);
};

/** Field names a search `projection` may name: those of the Command struct. */
const KNOWN_FIELDS: ReadonlySet<string> = new Set<keyof CommandStrict>([
  'commandId',
  'orgId',
  'productKey',
  'deviceKey',
  'assetId',
  'createTime',
  'createLocalTime',
  'commandType',
  'commandName',
  'timeout',
  'pendingTtl',
  'state',
  'tslIdentifier',
  'inputData',
  'outputData',
]);

/** The Command struct field a projection name stands for (the table's `createLocaltime` too), if any. */
const projectedField = (name: string): keyof CommandStrict | undefined =>
  PROJECTION_SPELLINGS[name] ?? (KNOWN_FIELDS.has(name) ? (name as keyof CommandStrict) : undefined);

/**
 * The device's commands matching the expression, newest first, one page; `projection` keeps only the named fields,
 * each under the name it was asked by.
 */
const search = (core: Core, input: ActionInput): ActionResult => {
  const q = SearchQuery.safeParse(input.query);
  if (!q.success) return invalid(q.error, 'query');
  const b = SearchBody.safeParse(input.body ?? {});
  if (!b.success) return invalid(b.error, 'body');
  const expression = parseExpression(b.data.expression, core.options.utcOffsetMinutes);
  if (!expression.ok)
    return failed({ kind: 'invalid-argument', field: 'expression', reason: expression.reason });
  const device = resolveDevice(core, q.data, input.appKey);
  if (isFailure(device)) return failed(device);
  const matching = core.store
    .list(storeKeyOf(device), { order: 'desc' })
    .map((v) => struct(core, v))
    .filter(expression.test);
  const pageNo = b.data.pagination?.pageNo ?? 1;
  const pageSize = b.data.pagination?.pageSize ?? core.options.defaultPageSize;
  const page = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  const fields = b.data.projection;
  if (fields) {
    const unknown = fields.find((f) => projectedField(f) === undefined);
    if (unknown)
      return failed({ kind: 'invalid-argument', field: 'projection', reason: `unknown field ${unknown}` });
  }
  const data = fields
    ? page.map((c) => Object.fromEntries(fields.map((f) => [f, c[projectedField(f)!]])))
    : page;
  return {
    ok: true,
    data,
    extra: {
      pagination: {
        sortedBy: [{ field: 'createDate', order: 'DESC' }],
        pageNo,
        pageSize,
        totalSize: matching.length,
      },
    },
  };
};

export const ACTIONS: Readonly<Record<EnosAction, (core: Core, input: ActionInput) => ActionResult>> = {
  cancel,
  invokeService,
  setMeasurepoint,
  get,
  search,
};
