// What a capacity-planning drive needs from a vendor: its login, its two ways to cancel, and how their answers read.

/** One request as a transport sends it: headers as a flat [name, value, ...] list (what undici dispatches as is). */
export type PlanRequest = { method: 'POST' | 'PUT'; path: string; headers: string[]; body: string };

/** An application key of a planning fleet. */
export type PlanApp = { appId: string; secret: string };

/** What an answer means to a planning client. */
export type PlanVerdict =
  /** The call did its work; `cancelled` commands left PENDING (0: nothing was pending any more). */
  | { kind: 'ok'; cancelled: number }
  | { kind: 'login'; accessToken: string; expiresInMs: number }
  /** Refused by the application's throttle. */
  | { kind: 'throttled' }
  /** The token was refused (expired or superseded): log in again. */
  | { kind: 'token-invalid' }
  /** A platform failure worth retrying after a wait (500, 503). */
  | { kind: 'server-error'; status: number }
  /** modify only: the command had left PENDING (its device came online and took it). */
  | { kind: 'not-pending' }
  | { kind: 'unexpected'; status: number; detail: string };

export type PlanCallKind = 'login' | 'revoke' | 'modify';

export type PlanCalls = {
  /** The vendor's name for a drain call in reports ("revocation task", "modify to CANCELED"). */
  readonly names: Readonly<Record<'revoke' | 'modify', string>>;
  /** The endpoints (contract names) of the two drain calls, where an injected failure is armed. */
  readonly endpoints: Readonly<Record<'revoke' | 'modify', string>>;
  /** The vendor's documented failure ids of a 500 and a 503 (contracts/<vendor>/failures.ts). */
  readonly failures: Readonly<Record<500 | 503, string>>;
  login(app: PlanApp): PlanRequest;
  /** Cancels every PENDING command of one device. */
  revokeAll(app: PlanApp, accessToken: string, deviceId: string): PlanRequest;
  /** Cancels one command. */
  cancelOne(app: PlanApp, accessToken: string, commandId: string): PlanRequest;
  read(kind: PlanCallKind, status: number, body: string): PlanVerdict;
};
