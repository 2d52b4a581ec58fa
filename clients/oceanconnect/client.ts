// The OceanConnect iocm v1.4.0 reference client: one typed method per command endpoint, on undici, results as data.
import type { z } from 'zod';
import { fail, type Result } from '../../contracts/common/problem.ts';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { OC_ERROR_CODES } from '../../contracts/oceanconnect/errors.ts';
import {
  CreateCommandInput,
  CreateRevocationTaskInput,
  LoginForm,
  ModifyCommandInput,
  QueryCommandsInput,
  QueryRevocationTasksInput,
} from '../../contracts/oceanconnect/requests.ts';
import {
  DeviceCommandRespTolerant,
  type LoginResponseRead,
  LoginResponseTolerant,
  QueryCommandsResponseTolerant,
  QueryRevocationTasksResponseTolerant,
  RevocationTaskTolerant,
} from '../../contracts/oceanconnect/responses.ts';
import { WindowTracker, withThrottleBackoff } from '../common/backoff.ts';
import { type HttpAnswer, type HttpCall, send } from '../common/http.ts';
import { isVendorError, readAnswer } from './answers.ts';
import { TokenCache } from './auth.ts';
import { type ClientConfig, type ResolvedConfig, resolveConfig } from './config.ts';
export type { ClientConfig } from './config.ts';
import { type Checked, checkInput } from './validate.ts';
import {
  type CommandView,
  commandView,
  type PageView,
  pageView,
  type RevocationTaskView,
  revocationTaskView,
} from './views.ts';

/**
 * Deliberate departures from the contract, for contract tests that must show how the platform answers a request
 * this client would never send. Never set them in production code.
 */
export type ContractProbe = {
  /** Send without the `app_key` header (the platform answers 500 100220). */
  omitAppKey?: boolean;
  /** Send the input even if the request schema refuses it (the platform answers 400 100022). */
  skipInputValidation?: boolean;
};

export type CallOptions = { probe?: ContractProbe };

type Request = Omit<HttpCall, 'url' | 'headers'> & { path: string };

const VENDOR = 'oceanconnect';

export class OceanConnectClient {
  private readonly config: ResolvedConfig;
  private readonly tracker: WindowTracker;
  private readonly tokens: TokenCache;

  constructor(config: ClientConfig) {
    this.config = resolveConfig(config);
    this.tracker = new WindowTracker(this.config.backoff);
    this.tokens = new TokenCache({
      login: () => this.loginOnce(),
      now: this.config.now,
      refreshMarginMs: this.config.tokenRefreshMarginMs,
      seed: this.config.session,
    });
  }

  /** `POST /iocm/app/sec/v1.1.0/login`: logs in now and caches the token for the other calls. */
  login(): Promise<Result<LoginResponseRead>> {
    return this.withBackoff(() => this.tokens.login());
  }

  /** `POST deviceCommandCancelTasks` (the seed): revokes every PENDING command of a device; answers 201. */
  async createRevocationTask(
    input: CreateRevocationTaskInput,
    options: CallOptions = {},
  ): Promise<Result<RevocationTaskView>> {
    const checked = this.check(CreateRevocationTaskInput, input, options);
    if (!checked.ok) return checked;
    const { appId, ...body } = checked.value;
    return this.call(
      { method: 'POST', path: OC_PATHS.deviceCommandCancelTasks, query: { appId }, body },
      options,
      (answer) => this.mapped(readAnswer(answer, RevocationTaskTolerant), revocationTaskView),
    );
  }

  /** `GET deviceCommandCancelTasks`: revocation tasks by task, device, status or creation time. */
  async queryRevocationTasks(
    input: QueryRevocationTasksInput = {},
    options: CallOptions = {},
  ): Promise<Result<PageView<RevocationTaskView>>> {
    const checked = this.check(QueryRevocationTasksInput, input, options);
    if (!checked.ok) return checked;
    return this.call(
      { method: 'GET', path: OC_PATHS.deviceCommandCancelTasks, query: { ...checked.value } },
      options,
      (answer) =>
        this.mapped(readAnswer(answer, QueryRevocationTasksResponseTolerant), (page) =>
          pageView(page, revocationTaskView),
        ),
    );
  }

  /** `POST deviceCommands`: creates a command (cached as PENDING unless `expireTime` is 0); answers 201. */
  async createCommand(input: CreateCommandInput, options: CallOptions = {}): Promise<Result<CommandView>> {
    const checked = this.check(CreateCommandInput, input, options);
    if (!checked.ok) return checked;
    const { appId, ...body } = checked.value;
    return this.call(
      { method: 'POST', path: OC_PATHS.deviceCommands, query: { appId }, body },
      options,
      (answer) => this.mapped(readAnswer(answer, DeviceCommandRespTolerant), commandView),
    );
  }

  /** `GET deviceCommands`: commands by device and creation time, paged (pageSize 1..1000). */
  async queryCommands(
    input: QueryCommandsInput = {},
    options: CallOptions = {},
  ): Promise<Result<PageView<CommandView>>> {
    const checked = this.check(QueryCommandsInput, input, options);
    if (!checked.ok) return checked;
    return this.call(
      { method: 'GET', path: OC_PATHS.deviceCommands, query: { ...checked.value } },
      options,
      (answer) =>
        this.mapped(readAnswer(answer, QueryCommandsResponseTolerant), (page) => pageView(page, commandView)),
    );
  }

  /** `PUT deviceCommands/{deviceCommandId}` with `{"status":"CANCELED"}`: cancels one PENDING command. */
  async modifyCommand(input: ModifyCommandInput, options: CallOptions = {}): Promise<Result<CommandView>> {
    const checked = this.check(ModifyCommandInput, input, options);
    if (!checked.ok) return checked;
    const { deviceCommandId, appId, status } = checked.value;
    return this.call(
      { method: 'PUT', path: OC_PATHS.deviceCommand(deviceCommandId), query: { appId }, body: { status } },
      options,
      (answer) => this.mapped(readAnswer(answer, DeviceCommandRespTolerant), commandView),
    );
  }

  // ---- plumbing ---------------------------------------------------------------------------------------------------

  private check<S extends z.ZodType>(schema: S, input: unknown, options: CallOptions): Checked<z.output<S>> {
    if (options.probe?.skipInputValidation) return { ok: true, value: input as z.output<S> };
    return checkInput(schema, input);
  }

  private mapped<A, B>(result: Result<A>, view: (a: A) => B): Result<B> {
    return result.ok ? { ok: true, value: view(result.value), httpStatus: result.httpStatus } : result;
  }

  private url(path: string): string {
    return `${this.config.baseUrl}${path}`;
  }

  private async loginOnce(): Promise<Result<LoginResponseRead>> {
    const form = checkInput(LoginForm, this.config.credentials);
    if (!form.ok) return fail(form.problem);
    const sent = await send(
      VENDOR,
      { method: 'POST', url: this.url(OC_PATHS.login), body: new URLSearchParams(form.value) },
      this.config.http,
    );
    if (!sent.ok) return fail(sent.problem);
    return readAnswer(sent.answer, LoginResponseTolerant);
  }

  private async sendWithToken<T>(
    request: Request,
    accessToken: string,
    options: CallOptions,
    read: (answer: HttpAnswer) => Result<T>,
  ): Promise<Result<T>> {
    const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}` };
    if (!options.probe?.omitAppKey) headers.app_key = this.config.credentials.appId;
    const { path, ...rest } = request;
    const sent = await send(VENDOR, { ...rest, url: this.url(path), headers }, this.config.http);
    return sent.ok ? read(sent.answer) : fail(sent.problem);
  }

  /** One call with a valid token: logs in when needed, and once more if the platform refuses the token (1010005). */
  private call<T>(
    request: Request,
    options: CallOptions,
    read: (answer: HttpAnswer) => Result<T>,
  ): Promise<Result<T>> {
    return this.withBackoff(async () => {
      const first = await this.tokens.get();
      if (!first.ok) return fail(first.problem);
      const result = await this.sendWithToken(request, first.token.accessToken, options, read);
      if (!this.config.reloginOnInvalidToken || !isVendorError(result, OC_ERROR_CODES.tokenInvalid))
        return result;
      const renewed = await this.tokens.renew(first.token.accessToken);
      if (!renewed.ok) return fail(renewed.problem);
      return this.sendWithToken(request, renewed.token.accessToken, options, read);
    });
  }

  /** Retries after 403 1010009 once the throttle window has passed, as often as the back-off policy allows. */
  private async withBackoff<T>(attempt: () => Promise<Result<T>>): Promise<Result<T>> {
    const { outcome, attempts, throttled } = await withThrottleBackoff(
      this.config.backoff,
      this.tracker,
      attempt,
      (result) => isVendorError(result, OC_ERROR_CODES.throttled),
    );
    if (throttled && !outcome.ok)
      return fail({ kind: 'throttled', vendor: VENDOR, attempts, last: outcome.problem });
    return outcome;
  }
}

/** The client's factory, as every vendor's client.ts has one (the registry's `client`). */
export const createClient = (config: ClientConfig): OceanConnectClient => new OceanConnectClient(config);
