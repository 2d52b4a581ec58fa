// The reference IoTDA v5 async-command client: validates input, signs or tokens each call, backs off on APIG.0308, returns Result.
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import {
  fail,
  invalidInput,
  issuesOf,
  ok,
  type Problem,
  type Result,
} from '../../contracts/common/problem.ts';
import { ProjectId } from '../../contracts/iotda/constraints.ts';
import { IotdaErrorBody, IotdaErrorBodyTolerant, isThrottle } from '../../contracts/iotda/errors.ts';
import {
  CreateAsyncCommandInput,
  devicePath,
  type IotdaCredentials,
  ListAsyncCommandsInput,
  ListAsyncHistoryCommandsInput,
  ShowAsyncCommandInput,
} from '../../contracts/iotda/requests.ts';
import {
  type CreateAsyncCommandResult,
  CreateAsyncCommandResponseTolerant,
  type ListCommandsResult,
  ListCommandsResponseTolerant,
  type ShowAsyncCommandResult,
  ShowAsyncCommandResponseTolerant,
} from '../../contracts/iotda/responses.ts';
import { toCanonical } from '../../contracts/iotda/states.ts';
import { type BackoffPolicy, defaultBackoff, WindowTracker, withThrottleBackoff } from '../common/backoff.ts';
import { type HttpAnswer, send } from '../common/http.ts';
import { withAuthHeaders } from './auth.ts';
import type { QueryParams } from '../../contracts/iotda/signing.ts';

const VENDOR = 'iotda' as const;

export type ClientConfig = {
  /** e.g. `https://iotda.cn-north-4.myhuaweicloud.com` or a simulator's `http://127.0.0.1:PORT`. */
  baseUrl: string;
  projectId: string;
  credentials: IotdaCredentials;
  /** Sent as `Instance-Id` when set (mandatory for professional editions). */
  instanceId?: string;
  /** Throttle back-off; defaults to `iotdaBackoff()`. */
  backoff?: BackoffPolicy;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  /** Clock for X-Sdk-Date (AK/SK signing); defaults to Date.now. */
  now?: () => number;
};

/**
 * IoTDA's API-gateway throttle is a per-second flow control (the window is not documented: unverified, 1 s here);
 * three retries, each waiting for the next window.
 */
export const iotdaBackoff = (overrides: Partial<BackoffPolicy> = {}): BackoffPolicy =>
  defaultBackoff({ windowMs: 1_000, maxRetries: 3, ...overrides });

type Call = { method: 'GET' | 'POST'; path: string; query?: QueryParams; body?: unknown };
type Sent = { ok: true; answer: HttpAnswer } | { ok: false; problem: Problem };

/** Any answer carrying an IoTDA error body is a vendor error, whatever its HTTP status (IOTDA.014111 comes with 200). */
const vendorErrorOf = (answer: HttpAnswer): Problem | undefined => {
  const body = IotdaErrorBodyTolerant.safeParse(answer.json);
  if (!body.success) return undefined;
  return {
    kind: 'vendor-error',
    vendor: VENDOR,
    httpStatus: answer.status,
    code: body.data.error_code,
    message: body.data.error_msg,
    body: answer.json,
  };
};

const interpret = <S extends z.ZodType, V>(
  answer: HttpAnswer,
  schema: S,
  toValue: (parsed: z.output<S>) => V,
): Result<V> => {
  const vendorError = vendorErrorOf(answer);
  if (vendorError) return fail(vendorError);
  const success = answer.status >= 200 && answer.status < 300;
  const parsed = success ? schema.safeParse(answer.json) : IotdaErrorBody.safeParse(answer.json);
  if (success && parsed.success) return ok(toValue(parsed.data as z.output<S>), answer.status);
  return fail({
    kind: 'invalid-response',
    vendor: VENDOR,
    httpStatus: answer.status,
    issues: parsed.success ? [] : issuesOf(parsed.error),
    body: answer.json ?? answer.text,
  });
};

export const createClient = (config: ClientConfig) => {
  const policy = config.backoff ?? iotdaBackoff();
  const tracker = new WindowTracker(policy);
  const now = config.now ?? Date.now;
  const base = config.baseUrl.replace(/\/+$/, '');

  const sendOnce = async (call: Call): Promise<Sent> => {
    const query: QueryParams = {};
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) query[k] = v;
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const baseHeaders: Record<string, string> = {};
    if (config.instanceId !== undefined) baseHeaders['Instance-Id'] = config.instanceId;
    if (body !== undefined) baseHeaders['content-type'] = 'application/json';
    const url = `${base}${call.path}`;
    const headers = withAuthHeaders(
      config.credentials,
      { method: call.method, url, query, headers: baseHeaders, ...(body !== undefined ? { body } : {}) },
      now,
    );
    return send(
      VENDOR,
      {
        method: call.method,
        url,
        query: query as Record<string, string | number>,
        headers,
        ...(call.body !== undefined ? { body: call.body } : {}),
      },
      {
        ...(config.dispatcher ? { dispatcher: config.dispatcher } : {}),
        ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
      },
    );
  };

  const execute = async <S extends z.ZodType, V>(
    call: Call,
    schema: S,
    toValue: (parsed: z.output<S>) => V,
  ): Promise<Result<V>> => {
    const { outcome, attempts, throttled } = await withThrottleBackoff(
      policy,
      tracker,
      () => sendOnce(call),
      (o) =>
        o.ok && isThrottle(o.answer.status, IotdaErrorBodyTolerant.safeParse(o.answer.json).data?.error_code),
    );
    if (!outcome.ok) return fail(outcome.problem);
    const result = interpret(outcome.answer, schema, toValue);
    if (throttled && !result.ok)
      return fail({ kind: 'throttled', vendor: VENDOR, attempts, last: result.problem });
    return result;
  };

  const checkProject = (): Problem | undefined => {
    const p = ProjectId.safeParse(config.projectId);
    if (p.success) return undefined;
    const reason = p.error.issues[0]?.message ?? 'invalid project_id';
    return { kind: 'invalid-input', vendor: VENDOR, field: 'project_id', reason, received: config.projectId };
  };

  const withCanonical = <T extends { status: Parameters<typeof toCanonical>[0] }>(c: T) => ({
    ...c,
    canonicalState: toCanonical(c.status),
  });

  const toList = (r: z.output<typeof ListCommandsResponseTolerant>): ListCommandsResult => ({
    commands: r.commands.map(withCanonical),
    page: {
      ...(r.page.count !== undefined ? { count: r.page.count } : {}),
      ...(r.page.marker !== undefined ? { marker: r.page.marker } : {}),
    },
  });

  const list = async (
    schema: typeof ListAsyncCommandsInput | typeof ListAsyncHistoryCommandsInput,
    suffix: 'async-commands' | 'async-commands-history',
    input: unknown,
  ): Promise<Result<ListCommandsResult>> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return fail(invalidInput(VENDOR, parsed.error, input));
    const bad = checkProject();
    if (bad) return fail(bad);
    const { device_id, ...query } = parsed.data;
    return execute(
      { method: 'GET', path: `${devicePath(config.projectId, device_id)}/${suffix}`, query },
      ListCommandsResponseTolerant,
      toList,
    );
  };

  return {
    /** GET async-commands/{command_id}: one command, with its canonical state next to the IoTDA status. */
    showAsyncCommand: async (input: ShowAsyncCommandInput): Promise<Result<ShowAsyncCommandResult>> => {
      const parsed = ShowAsyncCommandInput.safeParse(input);
      if (!parsed.success) return fail(invalidInput(VENDOR, parsed.error, input));
      const bad = checkProject();
      if (bad) return fail(bad);
      const { device_id, command_id } = parsed.data;
      return execute(
        {
          method: 'GET',
          path: `${devicePath(config.projectId, device_id)}/async-commands/${encodeURIComponent(command_id)}`,
        },
        ShowAsyncCommandResponseTolerant,
        withCanonical,
      );
    },

    /** POST async-commands: answers 200 with PENDING (delay) or SENT (immediately). */
    createAsyncCommand: async (input: CreateAsyncCommandInput): Promise<Result<CreateAsyncCommandResult>> => {
      const parsed = CreateAsyncCommandInput.safeParse(input);
      if (!parsed.success) return fail(invalidInput(VENDOR, parsed.error, input));
      const bad = checkProject();
      if (bad) return fail(bad);
      const { device_id, ...body } = parsed.data;
      return execute(
        { method: 'POST', path: `${devicePath(config.projectId, device_id)}/async-commands`, body },
        CreateAsyncCommandResponseTolerant,
        withCanonical,
      );
    },

    /** GET async-commands: the device queue (PENDING, SENT, DELIVERED). */
    listAsyncCommands: (input: ListAsyncCommandsInput): Promise<Result<ListCommandsResult>> =>
      list(ListAsyncCommandsInput, 'async-commands', input),

    /** GET async-commands-history: finished commands (EXPIRED, SUCCESSFUL, FAILED, TIMEOUT, DELIVERED). */
    listAsyncHistoryCommands: (input: ListAsyncHistoryCommandsInput): Promise<Result<ListCommandsResult>> =>
      list(ListAsyncHistoryCommandsInput, 'async-commands-history', input),
  };
};

export type IotdaClient = ReturnType<typeof createClient>;
