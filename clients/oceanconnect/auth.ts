// The OceanConnect access token: one login at a time (only the latest token is valid), cached until shortly before expiry.
import type { Problem, Result } from '../../contracts/common/problem.ts';
import type { LoginResponseRead } from '../../contracts/oceanconnect/responses.ts';

export type Token = { accessToken: string; expiresAtMs: number | undefined };
export type TokenOutcome = { ok: true; token: Token } | { ok: false; problem: Problem };

export type TokenCacheOptions = {
  /** Performs the login call. */
  login: () => Promise<Result<LoginResponseRead>>;
  now: () => number;
  refreshMarginMs: number;
  /** A token obtained elsewhere, used until it expires or is refused. */
  seed?: { accessToken: string; expiresAtMs?: number };
};

/**
 * Holds the current token. Concurrent callers share one login: the platform keeps only the most recently issued
 * token valid, so two overlapping logins would invalidate each other's token.
 */
export class TokenCache {
  private current: Token | undefined;
  private inflight: Promise<Result<LoginResponseRead>> | undefined;
  private readonly options: TokenCacheOptions;

  constructor(options: TokenCacheOptions) {
    this.options = options;
    if (options.seed)
      this.current = { accessToken: options.seed.accessToken, expiresAtMs: options.seed.expiresAtMs };
  }

  private fresh(token: Token | undefined): token is Token {
    if (!token) return false;
    return (
      token.expiresAtMs === undefined || this.options.now() < token.expiresAtMs - this.options.refreshMarginMs
    );
  }

  /** Logs in (joining a login already under way) and keeps the token it returns. */
  login(): Promise<Result<LoginResponseRead>> {
    if (!this.inflight) {
      const startedAt = this.options.now();
      this.inflight = this.options.login().then((result) => {
        this.inflight = undefined;
        if (result.ok)
          this.current = {
            accessToken: result.value.accessToken,
            expiresAtMs: startedAt + result.value.expiresIn * 1000,
          };
        return result;
      });
    }
    return this.inflight;
  }

  /** The cached token while it is fresh; otherwise a new one from a login. */
  async get(): Promise<TokenOutcome> {
    if (this.fresh(this.current)) return { ok: true, token: this.current };
    return this.afterLogin(await this.login());
  }

  /**
   * After `refused` was answered 1010005: a new token. If another call already replaced `refused`, that newer token
   * is returned without logging in again.
   */
  async renew(refused: string): Promise<TokenOutcome> {
    if (this.current && this.current.accessToken !== refused && this.fresh(this.current))
      return { ok: true, token: this.current };
    this.current = undefined;
    return this.afterLogin(await this.login());
  }

  private afterLogin(result: Result<LoginResponseRead>): TokenOutcome {
    if (!result.ok) return { ok: false, problem: result.problem };
    return {
      ok: true,
      token: this.current ?? { accessToken: result.value.accessToken, expiresAtMs: undefined },
    };
  }
}
