// Every answer the EnOS simulator sends: failures as data, and the one place they become the vendor's envelope and words.
import type { z } from 'zod';
import { messageFor, THROTTLE_CODE } from '../../contracts/enos/errors.ts';
import type { ErrorResponseStrict, TokenErrorResponseStrict } from '../../contracts/enos/responses.ts';

/** The code of a call over the (off by default) throttle: a decision of ours, not a vendor code (contracts/enos/errors.ts). */
export const ENOS_THROTTLE_CODE = THROTTLE_CODE;

/** Why a command call was refused, as data; `renderFailure` turns it into `{code, msg}`. */
export type EnosFailure =
  /** 99400 naming the field, in the vendor's "Invalid Argument <field>: <reason>" form. */
  | { kind: 'invalid-argument'; field: string; reason: string }
  /** 99400 with the vendor's sample text "Invalid Argument action:action is missing". */
  | { kind: 'action-missing' }
  /** 99400 with the vendor's sample text for an orgId that does not exist. */
  | { kind: 'org-not-exist' }
  /** 99403 with the vendor's sample text "Denied resource:  orgId <orgId>". */
  | { kind: 'denied'; orgId: string }
  /** A documented code with its documented (or stand-in) message: 11404, 11905, 11900, 11902, 11904, 99404, token codes. */
  | { kind: 'documented'; code: number }
  /** A path under the EnOS prefixes that no API answers. */
  | { kind: 'no-such-api'; method: string; path: string }
  | { kind: 'throttled'; app: string; limit: number; windowMs: number }
  | { kind: 'internal' };

export type ErrorBody = z.infer<typeof ErrorResponseStrict>;
export type TokenErrorBody = z.infer<typeof TokenErrorResponseStrict>;
/** `instant`: the id of an instant invokeService whose answer must still wait for the device's response. */
export type Answer = { status: number; body: unknown; instant?: string };

export const renderFailure = (f: EnosFailure): { code: number; msg: string } => {
  switch (f.kind) {
    case 'invalid-argument':
      return { code: 99400, msg: `Invalid Argument ${f.field}: ${f.reason}` };
    case 'action-missing':
      return { code: 99400, msg: 'Invalid Argument action:action is missing' };
    case 'org-not-exist':
      return { code: 99400, msg: 'Invalid Argument orgId:  orgId does not exist' };
    case 'denied':
      return { code: 99403, msg: `Denied resource:  orgId ${f.orgId}` };
    case 'documented':
      return { code: f.code, msg: messageFor(f.code) };
    case 'no-such-api':
      return {
        code: 99404,
        msg: `The specified object does not exist: no API answers ${f.method} ${f.path}`,
      };
    case 'throttled':
      return {
        code: ENOS_THROTTLE_CODE,
        msg: `Too Many Requests: application ${f.app} exceeded ${f.limit} calls per ${f.windowMs} ms`,
      };
    case 'internal':
      return { code: 99500, msg: messageFor(99500) };
  }
};

/** Errors keep the envelope with `data: null` and come with HTTP 200 (unverified, as in contracts/enos). */
export const failureAnswer = (requestId: string, f: EnosFailure): Answer => {
  const body: ErrorBody = { ...renderFailure(f), requestId, data: null };
  return { status: 200, body };
};

export const okAnswer = (requestId: string, data: unknown, extra: Record<string, unknown> = {}): Answer => ({
  status: 200,
  body: { code: 0, msg: 'OK', requestId, data, ...extra },
});

/** The token service's error envelope (shape unverified: only the codes are documented). */
export const tokenFailureAnswer = (status: number): Answer => {
  const body: TokenErrorBody = {
    status,
    msg: messageFor(status),
    business: 'apim-token-service',
    data: null,
  };
  return { status: 200, body };
};

export const tokenAnswer = (accessToken: string, expire: number): Answer => ({
  status: 200,
  body: { status: 0, msg: 'SUCCESS', business: 'apim-token-service', data: { accessToken, expire } },
});

/** The vendor error code of an answer body (command `code` or token `status`), for the journal. */
export const errorCodeOfBody = (body: unknown): string | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { code?: unknown; status?: unknown };
  if (typeof b.code === 'number') return b.code === 0 ? undefined : String(b.code);
  if (typeof b.status === 'number') return b.status === 0 ? undefined : String(b.status);
  return undefined;
};
