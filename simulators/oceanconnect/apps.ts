// The applications the simulated platform knows: their secrets and the one access token of each that is valid.
import type { LoginResponse } from '../../contracts/oceanconnect/responses.ts';
import { alnumId, hexId } from './fleet.ts';

type Token = { accessToken: string; issuedAt: number };
type App = {
  secret: string;
  token: Token | undefined;
  /** This application's token lifetime (planning fleets set their own); undefined: the registry's. */
  lifetimeMs: number | undefined;
  /** Whether its logins count against its throttle (a planning what-if; no vendor document says they do). */
  loginsCount: boolean;
  /** Whether its revocation tasks are kept for task queries (planning fleets: not by default). */
  keepTasks: boolean;
};

export type AppSettings = { lifetimeMs?: number; loginsCount?: boolean; keepTasks?: boolean };

export type TokenCheck = 'valid' | 'superseded' | 'expired' | 'unknown';

/**
 * Applications by appId. Each login issues a new token and makes it the only valid one of its application (older
 * tokens are refused with 1010005); a token also stops being valid `lifetimeMs` after it was issued.
 */
export class AppRegistry {
  private readonly apps = new Map<string, App>();
  private issued = 0;
  private readonly seed: number;
  private readonly lifetimeMs: number;

  constructor(seed: number, lifetimeMs: number) {
    this.seed = seed;
    this.lifetimeMs = lifetimeMs;
  }

  /** Adds the application, or changes its secret (its token stays); `settings` apply to a new one. */
  register(appId: string, secret?: string, settings: AppSettings = {}): void {
    const app = this.apps.get(appId);
    const s = secret ?? alnumId(this.seed, `secret:${appId}`, 24);
    if (app) app.secret = s;
    else
      this.apps.set(appId, {
        secret: s,
        token: undefined,
        lifetimeMs: settings.lifetimeMs,
        loginsCount: settings.loginsCount ?? false,
        keepTasks: settings.keepTasks ?? true,
      });
  }

  /** Whether the application's revocation tasks are kept for task queries. */
  keepsTasks(appId: string): boolean {
    return this.apps.get(appId)?.keepTasks ?? true;
  }

  /** Whether a login of the application counts against its throttle. */
  loginsCount(appId: string): boolean {
    return this.apps.get(appId)?.loginsCount ?? false;
  }

  has(appId: string): boolean {
    return this.apps.has(appId);
  }

  secretMatches(appId: string, secret: string): boolean {
    return this.apps.get(appId)?.secret === secret;
  }

  /** Issues a new token (the previous one stops being valid) and returns the login answer. */
  login(appId: string, now: number): LoginResponse {
    const app = this.appOf(appId);
    const n = ++this.issued;
    app.token = { accessToken: hexId(this.seed, `token:${appId}:${n}`), issuedAt: now };
    return {
      accessToken: app.token.accessToken,
      tokenType: 'bearer',
      refreshToken: hexId(this.seed, `refresh:${appId}:${n}`),
      expiresIn: Math.floor(this.lifetimeOf(app) / 1000),
      scope: 'default',
    };
  }

  /** Makes `accessToken` the application's valid token, as if it had just been issued (provider states). */
  adoptToken(appId: string, accessToken: string, now: number): void {
    this.appOf(appId).token = { accessToken, issuedAt: now };
  }

  /** Issues a token nobody holds, so that every token handed out before is superseded. */
  supersede(appId: string, now: number): void {
    this.login(appId, now);
  }

  checkToken(appId: string, accessToken: string, now: number): TokenCheck {
    const app = this.apps.get(appId);
    const token = app?.token;
    if (!app || !token) return 'unknown';
    if (token.accessToken !== accessToken) return 'superseded';
    return now < token.issuedAt + this.lifetimeOf(app) ? 'valid' : 'expired';
  }

  private lifetimeOf(app: App): number {
    return app.lifetimeMs ?? this.lifetimeMs;
  }

  clear(): void {
    this.apps.clear();
    this.issued = 0;
  }

  private appOf(appId: string): App {
    let app = this.apps.get(appId);
    if (!app) {
      this.register(appId);
      app = this.apps.get(appId)!;
    }
    return app;
  }
}
