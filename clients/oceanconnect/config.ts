// Configuration of the OceanConnect reference client, passed in by the caller; defaults filled in one place.
import type { Dispatcher } from 'undici';
import { type BackoffPolicy, defaultBackoff } from '../common/backoff.ts';

export type ClientConfig = {
  /** `https://server:port` of the platform or of a simulator; a trailing slash is ignored. */
  baseUrl: string;
  /** The application's appId (also sent as the `app_key` header) and secret, for the login API. */
  credentials: { appId: string; secret: string };
  /** Throttle back-off (403 1010009). Default: fixed 60 s windows, 3 retries. */
  backoff?: BackoffPolicy;
  /** undici dispatcher (a MockAgent in tests, a client-certificate Agent in production). */
  dispatcher?: Dispatcher;
  /** Per-request timeout in milliseconds (default 30 s). */
  timeoutMs?: number;
  /** A token obtained elsewhere: used instead of a first login until it expires or is refused. */
  session?: { accessToken: string; expiresAtMs?: number };
  /** Log in again and retry once when a call is answered 403 1010005 (default true). */
  reloginOnInvalidToken?: boolean;
  /** Renew a token this many milliseconds before it expires (default 60 000). */
  tokenRefreshMarginMs?: number;
  /** Clock for token expiry (default: the back-off policy's `now`). */
  now?: () => number;
};

export type ResolvedConfig = {
  baseUrl: string;
  credentials: { appId: string; secret: string };
  backoff: BackoffPolicy;
  http: { dispatcher?: Dispatcher; timeoutMs?: number };
  session: { accessToken: string; expiresAtMs?: number } | undefined;
  reloginOnInvalidToken: boolean;
  tokenRefreshMarginMs: number;
  now: () => number;
};

export const resolveConfig = (config: ClientConfig): ResolvedConfig => {
  const backoff = config.backoff ?? defaultBackoff();
  return {
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    credentials: config.credentials,
    backoff,
    http: { dispatcher: config.dispatcher, timeoutMs: config.timeoutMs },
    session: config.session,
    reloginOnInvalidToken: config.reloginOnInvalidToken ?? true,
    tokenRefreshMarginMs: config.tokenRefreshMarginMs ?? 60_000,
    now: config.now ?? backoff.now,
  };
};
