// EnOS APIM authentication: the token service, and the apim-* header check of every command call (our tokens and poseidon's).
import { createHash } from 'node:crypto';
import { TokenRequestBody } from '../../contracts/enos/requests.ts';
import { apimSignature, tokenEncryption } from '../../contracts/enos/signing.ts';
import { type Answer, tokenAnswer, tokenFailureAnswer } from './answers.ts';
import type { EnosSimOptions } from './options.ts';
import { isPoseidonToken, POSEIDON_APP } from './poseidon.ts';
import type { World } from './world.ts';

/** Token-service codes ("Invoking API with Access Token", Error Codes). */
export const TOKEN_CODES = {
  duplicatedEncryption: 1001,
  appKeyNotExist: 1002,
  encryptionInvalid: 1003,
  invalidParameter: 1004,
  internalError: 1005,
  parameterEmpty: 1202,
  tokenExpired: 1203,
} as const;

const REQUIRED = ['appKey', 'encryption', 'timestamp'] as const;
const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '';

/** A token nobody can guess but the same seed always mints: `<n>-<hex>` in the UUID shape of the vendor's sample. */
export const mintToken = (seed: number, appKey: string, n: number): string => {
  const h = createHash('sha256').update(`enos/token/${seed}/${appKey}/${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/**
 * POST /apim-token-service/v2.0/token/get. Checks in this order: a missing or empty field (1202), a field of the
 * wrong type or format (1004), an unknown appKey (1002), an encryption other than sha256(appKey+timestamp+appSecret)
 * (1003), an encryption already used (1001). The timestamp's distance from the platform clock is not checked: the
 * docs set no window **(unverified)**.
 */
export const tokenService = (world: World, body: unknown, now: number, seed: number): Answer => {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return tokenFailureAnswer(body === undefined ? TOKEN_CODES.parameterEmpty : TOKEN_CODES.invalidParameter);
  const raw = body as Record<string, unknown>;
  if (REQUIRED.some((k) => isEmpty(raw[k]))) return tokenFailureAnswer(TOKEN_CODES.parameterEmpty);
  const parsed = TokenRequestBody.safeParse(raw);
  if (!parsed.success) return tokenFailureAnswer(TOKEN_CODES.invalidParameter);
  const { appKey, encryption, timestamp } = parsed.data;
  const app = world.apps.get(appKey);
  if (!app) return tokenFailureAnswer(TOKEN_CODES.appKeyNotExist);
  if (encryption !== tokenEncryption(appKey, timestamp, app.appSecret))
    return tokenFailureAnswer(TOKEN_CODES.encryptionInvalid);
  if (!world.useEncryption(encryption)) return tokenFailureAnswer(TOKEN_CODES.duplicatedEncryption);
  const expire = app.expireSeconds;
  const token = world.nextToken(app, (n) => mintToken(seed, appKey, n));
  world.grant(token, appKey, now + expire * 1000);
  return tokenAnswer(token, expire);
};

export type CallAuth =
  | { ok: true; app: string; appKey?: string; poseidon: boolean }
  | { ok: false; code: number };

export type SignedRequest = {
  headers: Record<string, string | string[] | undefined>;
  /** Every query parameter, decoded, `action` included. */
  query: Record<string, string>;
  /** The body exactly as received ('' when none). */
  rawBody: string;
};

const header = (h: SignedRequest['headers'], name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The apim-* check of a command call, in this order: no token (1202); a token of enos-poseidon's shape (accepted:
 * it cannot be opened, see poseidon.ts); no signature or timestamp (1202); a signature that is not 64 lower-case hex
 * or a timestamp that is not 13 digits (1004); a token never issued or expired (1203, which the reference client
 * answers by fetching a new token once); a signature other than sha256(token + paramsData + timestamp + appSecret)
 * over the raw body (1003, "the encryption is not valid"). Which codes the gateway uses for these is not documented
 * **(unverified)**; the timestamp's age is not checked either.
 */
export const authenticateCall = (
  world: World,
  req: SignedRequest,
  now: number,
  options: EnosSimOptions,
): CallAuth => {
  const token = header(req.headers, 'apim-accesstoken');
  if (token === undefined || token.trim() === '') return { ok: false, code: TOKEN_CODES.parameterEmpty };
  const live = world.token(token);
  if (!live && options.acceptPoseidonTokens && isPoseidonToken(token))
    return { ok: true, app: POSEIDON_APP, poseidon: true };
  const signature = header(req.headers, 'apim-signature');
  const timestamp = header(req.headers, 'apim-timestamp');
  if (isEmpty(signature) || isEmpty(timestamp)) return { ok: false, code: TOKEN_CODES.parameterEmpty };
  if (!/^[0-9a-f]{64}$/.test(signature!) || !/^\d{13}$/.test(timestamp!))
    return { ok: false, code: TOKEN_CODES.invalidParameter };
  if (!live || live.expiresAt <= now) return { ok: false, code: TOKEN_CODES.tokenExpired };
  const app = world.apps.get(live.appKey);
  if (!app) return { ok: false, code: TOKEN_CODES.tokenExpired };
  const expected = apimSignature({
    accessToken: token,
    query: req.query,
    bodyText: req.rawBody,
    timestamp: Number(timestamp),
    appSecret: app.appSecret,
  });
  if (expected !== signature) return { ok: false, code: TOKEN_CODES.encryptionInvalid };
  return { ok: true, app: app.appKey, appKey: app.appKey, poseidon: false };
};
