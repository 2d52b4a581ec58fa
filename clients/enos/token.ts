// EnOS access tokens: one call to the APIM token service, and a source that caches the token until it expires.
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { fail, invalidInput, issuesOf, ok, type Result } from '../../contracts/common/problem.ts';
import { TOKEN_PATH, TokenRequestBody } from '../../contracts/enos/requests.ts';
import { TokenErrorResponseTolerant, TokenResponseTolerant } from '../../contracts/enos/responses.ts';
import { send } from '../common/http.ts';
import { tokenEncryption } from '../../contracts/enos/signing.ts';

export const IssuedToken = z.object({
  accessToken: z.string().min(1),
  /** Wall-clock epoch milliseconds after which the client asks for a new token. */
  expiresAt: z.number(),
});
export type IssuedToken = z.infer<typeof IssuedToken>;

/** Where command calls get their token; `invalidate` drops a token the platform no longer accepts. */
export type TokenSource = { getToken(): Promise<Result<IssuedToken>>; invalidate(): void };

export type TokenServiceConfig = {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  now: () => number;
  /** Ask for a new token this long before the announced expiry (default 60 s). */
  refreshMarginMs?: number;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
};

const joinUrl = (base: string, path: string): string => base.replace(/\/+$/, '') + path;

/** POST /apim-token-service/v2.0/token/get once; a non-zero status (HTTP 200 or not) is a vendor error. */
export const requestToken = async (cfg: TokenServiceConfig): Promise<Result<IssuedToken>> => {
  const timestamp = cfg.now();
  const body = {
    appKey: cfg.appKey,
    encryption: tokenEncryption(cfg.appKey, timestamp, cfg.appSecret),
    timestamp,
  };
  const checked = TokenRequestBody.safeParse(body);
  if (!checked.success) {
    return fail(invalidInput('enos', checked.error, body));
  }
  const sent = await send(
    'enos',
    { method: 'POST', url: joinUrl(cfg.baseUrl, TOKEN_PATH), body: checked.data },
    { dispatcher: cfg.dispatcher, timeoutMs: cfg.timeoutMs },
  );
  if (!sent.ok) return sent;
  const { status: httpStatus, json } = sent.answer;
  const error = TokenErrorResponseTolerant.safeParse(json);
  if (error.success) {
    return fail({
      kind: 'vendor-error',
      vendor: 'enos',
      httpStatus,
      code: String(error.data.status),
      message: error.data.msg,
      body: json,
    });
  }
  const parsed = TokenResponseTolerant.safeParse(json);
  if (!parsed.success || httpStatus < 200 || httpStatus > 299) {
    return fail({
      kind: 'invalid-response',
      vendor: 'enos',
      httpStatus,
      issues: parsed.success
        ? [{ path: '(status)', message: `HTTP ${httpStatus} with a success body`, code: 'http_status' }]
        : issuesOf(parsed.error),
      body: json ?? sent.answer.text,
    });
  }
  return ok(
    { accessToken: parsed.data.data.accessToken, expiresAt: timestamp + parsed.data.data.expire * 1000 },
    httpStatus,
  );
};

/** Caches the token until `expiresAt - refreshMargin`; concurrent callers share one request. */
export class CachedTokenSource implements TokenSource {
  private readonly cfg: TokenServiceConfig;
  private current: IssuedToken | undefined;
  private inFlight: Promise<Result<IssuedToken>> | undefined;

  constructor(cfg: TokenServiceConfig) {
    this.cfg = cfg;
  }

  async getToken(): Promise<Result<IssuedToken>> {
    const margin = this.cfg.refreshMarginMs ?? 60_000;
    if (this.current && this.cfg.now() < this.current.expiresAt - margin) return ok(this.current, 200);
    this.inFlight ??= requestToken(this.cfg).finally(() => {
      this.inFlight = undefined;
    });
    const result = await this.inFlight;
    if (result.ok) this.current = result.value;
    return result;
  }

  invalidate(): void {
    this.current = undefined;
  }
}

/** A fixed token (contract tests, or a token obtained elsewhere); it never expires and cannot be renewed. */
export const staticTokenSource = (accessToken: string): TokenSource => ({
  getToken: async () => ok({ accessToken, expiresAt: Number.POSITIVE_INFINITY }, 200),
  invalidate: () => {},
});
