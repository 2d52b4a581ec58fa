// EnOS APIM request signing rules (vendor-documented): the token-service `encryption` and the per-call `apim-signature`.
import { createHash } from 'node:crypto';

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Token request: lower-case hex sha256(appKey + timestamp + appSecret) ("Get Access Token", Encryption Generation Rule). */
export const tokenEncryption = (appKey: string, timestamp: number, appSecret: string): string =>
  sha256Hex(appKey + String(timestamp) + appSecret);

/**
 * paramsData ("Invoking API with Access Token"): every URL query parameter (action included), sorted by name in
 * ASCII order, concatenated as name + value (decoded, not URL-encoded), then the JSON body text exactly as sent.
 */
export const paramsData = (query: Record<string, string | number | undefined>, bodyText = ''): string =>
  Object.keys(query)
    .filter((k) => query[k] !== undefined)
    .sort()
    .map((k) => k + String(query[k]))
    .join('') + bodyText;

export type SignatureInput = {
  accessToken: string;
  query: Record<string, string | number | undefined>;
  /** The request body exactly as it goes on the wire, or undefined when there is none. */
  bodyText?: string;
  /** Epoch milliseconds, also sent as `apim-timestamp`. */
  timestamp: number;
  appSecret: string;
};

/** apim-signature = lower-case hex sha256(accessToken + paramsData + timestamp + appSecret). */
export const apimSignature = (s: SignatureInput): string =>
  sha256Hex(s.accessToken + paramsData(s.query, s.bodyText) + String(s.timestamp) + s.appSecret);

/** The three headers every command call carries. */
export const apimHeaders = (s: SignatureInput): Record<string, string> => ({
  'apim-accesstoken': s.accessToken,
  'apim-signature': apimSignature(s),
  'apim-timestamp': String(s.timestamp),
});
