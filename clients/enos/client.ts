// The EnOS Connection Service v2.1 reference client: one typed method per command action, input checked before sending.
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { fail, invalidInput, type Result } from '../../contracts/common/problem.ts';
import { ERROR_CODES } from '../../contracts/enos/errors.ts';
import {
  CancelQuery,
  COMMANDS_PATH,
  type EnosAction,
  GetQuery,
  InvokeServiceBody,
  InvokeServiceQuery,
  SearchBody,
  SearchQuery,
  SetMeasurepointBody,
  SetMeasurepointQuery,
} from '../../contracts/enos/requests.ts';
import {
  CancelResponseTolerant,
  GetResponseTolerant,
  InvokeServiceResponseTolerant,
  SearchResponseTolerant,
  SetMeasurepointResponseTolerant,
} from '../../contracts/enos/responses.ts';
import { send } from '../common/http.ts';
import { decodeAnswer } from './answers.ts';
import { apimHeaders } from '../../contracts/enos/signing.ts';
import { CachedTokenSource, type IssuedToken, type TokenSource } from './token.ts';

export type ClientConfig = {
  /** `https://{apigw-address}`, or a simulator / Pact mock server on 127.0.0.1. */
  baseUrl: string;
  credentials: { appKey: string; appSecret: string };
  /** Where the token service lives, when not at baseUrl. */
  tokenBaseUrl?: string;
  /** Overrides the token service (e.g. a fixed token); by default a cached token from the token service. */
  tokenSource?: TokenSource;
  /** Renew the token this long before it expires (default 60 s). */
  tokenRefreshMarginMs?: number;
  /** Wall clock in epoch ms, injected for deterministic signatures in tests. */
  now?: () => number;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  /**
   * The client sends cancel as POST (documented). GET reproduces the vendor's own sample cancelCommand.py, to check
   * that a provider accepts it.
   */
  cancelMethod?: 'POST' | 'GET';
};

// EnOS documents no throttle and no throttle error code, so this client has no back-off: every non-zero code is
// returned at once as a vendor-error Problem. Only an expired token (1203) is retried, once, with a fresh token.

export type CancelInput = CancelQuery;
export type InvokeServiceInput = InvokeServiceQuery & InvokeServiceBody;
export type SetMeasurepointInput = SetMeasurepointQuery & SetMeasurepointBody;
export type GetInput = GetQuery;
export type SearchInput = SearchQuery & SearchBody;

type Query = Record<string, string | number | undefined>;

/** The first refused field of the caller's input, named by its query/body path. */
const refuse = (error: z.ZodError, input: unknown): Result<never> => fail(invalidInput('enos', error, input));

const deviceQuery = (q: CancelQuery): Query => ({
  orgId: q.orgId,
  assetId: q.assetId,
  productKey: q.productKey,
  deviceKey: q.deviceKey,
});

export class EnosClient {
  private readonly cfg: ClientConfig;
  private readonly tokens: TokenSource;
  private readonly now: () => number;

  constructor(cfg: ClientConfig) {
    this.cfg = cfg;
    this.now = cfg.now ?? Date.now;
    this.tokens =
      cfg.tokenSource ??
      new CachedTokenSource({
        baseUrl: cfg.tokenBaseUrl ?? cfg.baseUrl,
        appKey: cfg.credentials.appKey,
        appSecret: cfg.credentials.appSecret,
        now: this.now,
        refreshMarginMs: cfg.tokenRefreshMarginMs,
        dispatcher: cfg.dispatcher,
        timeoutMs: cfg.timeoutMs,
      });
  }

  /** A valid access token, from the cache while it lasts. */
  getToken(): Promise<Result<IssuedToken>> {
    return this.tokens.getToken();
  }

  /** Cancels one cached command (commandId given) or every cached command of the device (commandId absent). */
  async cancel(input: CancelInput): Promise<Result<z.infer<typeof CancelResponseTolerant>>> {
    const q = CancelQuery.safeParse(input);
    if (!q.success) return refuse(q.error, input);
    const query = { ...deviceQuery(q.data), commandId: q.data.commandId };
    return this.call(this.cfg.cancelMethod ?? 'POST', 'cancel', query, undefined, CancelResponseTolerant);
  }

  /** Invokes a service; pendingTtl > 0 caches the command and the answer carries only its commandId. */
  async invokeService(
    input: InvokeServiceInput,
  ): Promise<Result<z.infer<typeof InvokeServiceResponseTolerant>>> {
    const q = InvokeServiceQuery.safeParse(input);
    if (!q.success) return refuse(q.error, input);
    const b = InvokeServiceBody.safeParse(input);
    if (!b.success) return refuse(b.error, input);
    const { serviceId, pendingTtl, timeout } = q.data;
    const query = { ...deviceQuery(q.data), serviceId, pendingTtl, timeout };
    return this.call('POST', 'invokeService', query, b.data, InvokeServiceResponseTolerant);
  }

  /** Sets a measurement point; pendingTtl > 0 caches the command. */
  async setMeasurepoint(
    input: SetMeasurepointInput,
  ): Promise<Result<z.infer<typeof SetMeasurepointResponseTolerant>>> {
    const q = SetMeasurepointQuery.safeParse(input);
    if (!q.success) return refuse(q.error, input);
    const b = SetMeasurepointBody.safeParse(input);
    if (!b.success) return refuse(b.error, input);
    const { measurepointId, pendingTtl, timeout } = q.data;
    const query = { ...deviceQuery(q.data), measurepointId, pendingTtl, timeout };
    return this.call('POST', 'setMeasurepoint', query, b.data, SetMeasurepointResponseTolerant);
  }

  /** One command by id. */
  async get(input: GetInput): Promise<Result<z.infer<typeof GetResponseTolerant>>> {
    const q = GetQuery.safeParse(input);
    if (!q.success) return refuse(q.error, input);
    const query = { ...deviceQuery(q.data), commandId: q.data.commandId };
    return this.call('GET', 'get', query, undefined, GetResponseTolerant);
  }

  /** The device's commands matching an expression, one page at a time. */
  async search(input: SearchInput): Promise<Result<z.infer<typeof SearchResponseTolerant>>> {
    const q = SearchQuery.safeParse(input);
    if (!q.success) return refuse(q.error, input);
    const b = SearchBody.safeParse(input);
    if (!b.success) return refuse(b.error, input);
    return this.call('POST', 'search', deviceQuery(q.data), b.data, SearchResponseTolerant);
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    action: EnosAction,
    query: Query,
    body: unknown,
    schema: S,
  ): Promise<Result<z.output<S>>> {
    const first = await this.once(method, action, query, body, schema);
    if (
      first.ok ||
      first.problem.kind !== 'vendor-error' ||
      first.problem.code !== String(ERROR_CODES.tokenExpired)
    )
      return first;
    this.tokens.invalidate();
    return this.once(method, action, query, body, schema);
  }

  private async once<S extends z.ZodType>(
    method: 'GET' | 'POST',
    action: EnosAction,
    query: Query,
    body: unknown,
    schema: S,
  ): Promise<Result<z.output<S>>> {
    const token = await this.tokens.getToken();
    if (!token.ok) return token;
    const fullQuery: Query = { action, ...query };
    const headers = apimHeaders({
      accessToken: token.value.accessToken,
      query: fullQuery,
      bodyText: body === undefined ? undefined : JSON.stringify(body),
      timestamp: this.now(),
      appSecret: this.cfg.credentials.appSecret,
    });
    const sent = await send(
      'enos',
      { method, url: this.cfg.baseUrl.replace(/\/+$/, '') + COMMANDS_PATH, query: fullQuery, headers, body },
      { dispatcher: this.cfg.dispatcher, timeoutMs: this.cfg.timeoutMs },
    );
    if (!sent.ok) return sent;
    return decodeAnswer(sent.answer, schema);
  }
}

export const createClient = (config: ClientConfig): EnosClient => new EnosClient(config);
