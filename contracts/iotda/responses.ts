// Success bodies of the IoTDA async-command endpoints: strict schemas (what IoTDA sends today) and tolerant readers.
import { z } from 'zod';
import { CanonicalState } from '../common/lifecycle.ts';
import { HuaweiTime, parseHuaweiTime } from '../common/huawei-time.ts';
import { CommandId, DeviceId, ExpireTime, JsonObject, SendStrategy } from './constraints.ts';
import { HistoryStatus, IotdaStatus, QueuedStatus } from './states.ts';

// ---- helpers ---------------------------------------------------------------------------------------------------

/** Tolerant optional field: absent or null both read as undefined. */
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

type Timed = {
  status: IotdaStatus;
  created_time: string;
  sent_time?: string | undefined;
  delivered_time?: string | undefined;
  response_time?: string | undefined;
  result?: unknown;
};

const TIME_FIELDS = ['created_time', 'sent_time', 'delivered_time', 'response_time'] as const;

/** Which time fields a status requires, and which it forbids (a stage the command has not reached). */
const REQUIRED_TIMES: Readonly<Record<IotdaStatus, readonly (typeof TIME_FIELDS)[number][]>> = {
  PENDING: [],
  EXPIRED: [],
  SENT: ['sent_time'],
  DELIVERED: ['sent_time', 'delivered_time'],
  SUCCESSFUL: ['sent_time', 'delivered_time', 'response_time'],
  FAILED: [],
  TIMEOUT: ['sent_time'],
};
const NOT_YET_SENT: ReadonlySet<IotdaStatus> = new Set(['PENDING', 'EXPIRED']);

/**
 * The strict reading of the lifecycle timestamps: times appear once their stage is reached, never before
 * (a PENDING or EXPIRED command was never sent), and never go backwards.
 */
const checkTimes = (c: Timed, ctx: z.RefinementCtx): void => {
  for (const field of REQUIRED_TIMES[c.status]) {
    if (c[field] === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${field} is required when status is ${c.status}`,
      });
  }
  if (NOT_YET_SENT.has(c.status)) {
    for (const field of ['sent_time', 'delivered_time', 'response_time'] as const) {
      if (c[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} must be absent when status is ${c.status}`,
        });
    }
    if (c.result !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['result'],
        message: `result must be absent when status is ${c.status}`,
      });
  }
  let previous: { field: string; ms: number } | undefined;
  for (const field of TIME_FIELDS) {
    const text = c[field];
    if (text === undefined) continue;
    const ms = parseHuaweiTime(text);
    if (ms === undefined) continue;
    if (previous && ms < previous.ms)
      ctx.addIssue({ code: 'custom', path: [field], message: `${field} is before ${previous.field}` });
    previous = { field, ms };
  }
};

// ---- show async command (the seed) -----------------------------------------------------------------------------

const showShape = {
  device_id: DeviceId,
  command_id: CommandId,
  service_id: z.string().min(1).optional(),
  command_name: z.string().min(1).optional(),
  paras: JsonObject,
  expire_time: ExpireTime,
  status: IotdaStatus,
  result: JsonObject.optional(),
  created_time: HuaweiTime,
  sent_time: HuaweiTime.optional(),
  delivered_time: HuaweiTime.optional(),
  response_time: HuaweiTime.optional(),
  send_strategy: SendStrategy,
};

/** Strict: the seed's fields only, times absent until reached, consistent with the status. */
export const ShowAsyncCommandResponse = z.strictObject(showShape).superRefine(checkTimes);
export type ShowAsyncCommandResponse = z.infer<typeof ShowAsyncCommandResponse>;

/** Tolerant: unknown fields kept, null read as absent, no consistency rules; ids and enums still checked. */
export const ShowAsyncCommandResponseTolerant = z.looseObject({
  device_id: DeviceId,
  command_id: CommandId,
  service_id: nullish(z.string()),
  command_name: nullish(z.string()),
  paras: nullish(JsonObject),
  expire_time: z.number().int().min(0),
  status: IotdaStatus,
  result: nullish(JsonObject),
  created_time: HuaweiTime,
  sent_time: nullish(HuaweiTime),
  delivered_time: nullish(HuaweiTime),
  response_time: nullish(HuaweiTime),
  send_strategy: SendStrategy,
});
export type ShowAsyncCommandResponseTolerant = z.infer<typeof ShowAsyncCommandResponseTolerant>;

// ---- create async command --------------------------------------------------------------------------------------

const createShape = {
  device_id: DeviceId,
  command_id: CommandId,
  service_id: z.string().min(1).optional(),
  command_name: z.string().min(1).optional(),
  paras: JsonObject,
  expire_time: ExpireTime,
  status: z.enum(['PENDING', 'SENT']),
  created_time: HuaweiTime,
  send_strategy: SendStrategy,
};

/** Strict: HTTP 200 (not 201); a `delay` command is PENDING, an `immediately` one SENT. */
export const CreateAsyncCommandResponse = z.strictObject(createShape).superRefine((c, ctx) => {
  const expected = c.send_strategy === 'delay' ? 'PENDING' : 'SENT';
  if (c.status !== expected)
    ctx.addIssue({
      code: 'custom',
      path: ['status'],
      message: `a command created with send_strategy ${c.send_strategy} is ${expected}, not ${c.status}`,
    });
});
export type CreateAsyncCommandResponse = z.infer<typeof CreateAsyncCommandResponse>;

export const CreateAsyncCommandResponseTolerant = z.looseObject({
  ...createShape,
  service_id: nullish(z.string()),
  command_name: nullish(z.string()),
  paras: nullish(JsonObject),
  expire_time: z.number().int().min(0),
  status: IotdaStatus,
});
export type CreateAsyncCommandResponseTolerant = z.infer<typeof CreateAsyncCommandResponseTolerant>;

// ---- list queued / list history --------------------------------------------------------------------------------

/** A list entry (the SDK's AsyncDeviceListCommand): the show fields minus `paras` and `result`. */
const listItemShape = {
  device_id: DeviceId,
  command_id: CommandId,
  service_id: z.string().min(1).optional(),
  command_name: z.string().min(1).optional(),
  expire_time: ExpireTime,
  status: IotdaStatus,
  created_time: HuaweiTime,
  sent_time: HuaweiTime.optional(),
  delivered_time: HuaweiTime.optional(),
  response_time: HuaweiTime.optional(),
  send_strategy: SendStrategy,
};

export const QueuedCommand = z
  .strictObject({ ...listItemShape, status: QueuedStatus })
  .superRefine(checkTimes);
export type QueuedCommand = z.infer<typeof QueuedCommand>;
export const HistoryCommand = z
  .strictObject({ ...listItemShape, status: HistoryStatus })
  .superRefine(checkTimes);
export type HistoryCommand = z.infer<typeof HistoryCommand>;

/** Queue page: `count` (records matching) and `marker` (id of the last record, absent on an empty page). */
export const QueueCommandPage = z.strictObject({
  count: z.number().int().min(0),
  marker: z.string().min(1).optional(),
});
/** History page: `marker` only; the SDK's HistoryCommandPage has no `count`. */
export const HistoryCommandPage = z.strictObject({ marker: z.string().min(1).optional() });

export const ListAsyncCommandsResponse = z.strictObject({
  commands: z.array(QueuedCommand),
  page: QueueCommandPage,
});
export type ListAsyncCommandsResponse = z.infer<typeof ListAsyncCommandsResponse>;
export const ListAsyncHistoryCommandsResponse = z.strictObject({
  commands: z.array(HistoryCommand),
  page: HistoryCommandPage,
});
export type ListAsyncHistoryCommandsResponse = z.infer<typeof ListAsyncHistoryCommandsResponse>;

/** Tolerant list entry: any IoTDA status, nulls read as absent, extra fields (e.g. `paras`) kept. */
export const ListedCommandTolerant = z.looseObject({
  device_id: DeviceId,
  command_id: CommandId,
  service_id: nullish(z.string()),
  command_name: nullish(z.string()),
  expire_time: z.number().int().min(0),
  status: IotdaStatus,
  created_time: HuaweiTime,
  sent_time: nullish(HuaweiTime),
  delivered_time: nullish(HuaweiTime),
  response_time: nullish(HuaweiTime),
  send_strategy: SendStrategy,
});
export type ListedCommandTolerant = z.infer<typeof ListedCommandTolerant>;

/** Tolerant page: either page shape (count optional), marker absent or null; a missing page reads as empty. */
export const CommandPageTolerant = z.looseObject({
  count: nullish(z.number().int().min(0)),
  marker: nullish(z.string()),
});
export const ListCommandsResponseTolerant = z.looseObject({
  commands: nullish(z.array(ListedCommandTolerant)).transform((c) => c ?? []),
  page: nullish(CommandPageTolerant).transform((p) => p ?? { count: undefined, marker: undefined }),
});
export type ListCommandsResponseTolerant = z.infer<typeof ListCommandsResponseTolerant>;

// ---- what the client returns: the vendor reading plus the canonical state next to the vendor status ------------

export const ShowAsyncCommandResult = ShowAsyncCommandResponseTolerant.extend({
  canonicalState: CanonicalState,
});
export type ShowAsyncCommandResult = z.infer<typeof ShowAsyncCommandResult>;
export const CreateAsyncCommandResult = CreateAsyncCommandResponseTolerant.extend({
  canonicalState: CanonicalState,
});
export type CreateAsyncCommandResult = z.infer<typeof CreateAsyncCommandResult>;
export const ListedCommandResult = ListedCommandTolerant.extend({ canonicalState: CanonicalState });
export type ListedCommandResult = z.infer<typeof ListedCommandResult>;
export const ListCommandsResult = z.object({
  commands: z.array(ListedCommandResult),
  page: z.object({ count: z.number().int().optional(), marker: z.string().optional() }),
});
export type ListCommandsResult = z.infer<typeof ListCommandsResult>;
