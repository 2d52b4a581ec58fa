// The opaque apim-accesstoken of the vendor's Python library enos-poseidon 0.2.0: how to recognise it, and how the library makes it.
import { constants, createHmac, createPublicKey, publicEncrypt } from 'node:crypto';

/**
 * enos-poseidon (PyPI, 0.2.0, `poseidon/poseidon.py`) sends ONLY `apim-accesstoken` (no apim-signature, no
 * apim-timestamp), plus `Content-Type: application/json;charset=utf-8` and `User-Agent: Python_enos_api`. The token is
 * base64 of one RSA-OAEP (SHA-1) block encrypted with the vendor's 2048-bit public key: 256 bytes, so exactly 344
 * base64 characters ending in `==`. Its plain text (`pin$appKey$appSecret$hmac$hmac`) needs the vendor's private key,
 * so a simulator can check only this shape, and cannot tell which application sent it.
 */
export const POSEIDON_TOKEN_PATTERN = /^[A-Za-z0-9+/]{342}==$/;

export const isPoseidonToken = (token: string): boolean => POSEIDON_TOKEN_PATTERN.test(token);

/** The throttle application poseidon calls count against (the app key is sealed inside the token). */
export const POSEIDON_APP = 'poseidon';

/** The User-Agent the library sends. */
export const POSEIDON_USER_AGENT = 'Python_enos_api';

// Constants published in the library's source (GPLv3), needed to reproduce its tokens byte for byte in shape.
const SK = 'knoczslufdasvhbivbewnrvuywachsrawqdpzesccknrhhetgmrcwfqfudywbeon';
const PUBKEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAokFjy0wLMKH0/39hxPN6JYRkMDXzvVIGQh55Keo2LIsP/jRU/yZHT/Vkg34yU9koNjSaacPvooXEoI5eFGuRrsBMrotZ5xfejCrTbGvZqjhnMPBheDmxfflIZzRrF/zoQvF0nIbmGNkxEfROHtDDkgNuGRdthXrNavCgfM2z3LNF83UT9CGpxJWBeKK3pXfYLsQ4f8uyrQRcy2BhKfJ/PKai1mocXYqr07JfQ0XZM4xIzuQ7E4ybNk5IFreDuuhF63wXAi1uonGzqjEYcbC1xT2boNiZORoOQWpAHhSbIRpljmW/uHBvoKZ573PQbbxE62hXv1Z1iVky0dtAV65dXwIDAQAB';
const SHORT_MS = 2 * 60 * 60 * 1000;
const LONG_MS = 30 * 24 * 60 * 60 * 1000;

/** `__pin`: the second dash-separated groups of key and secret, read as one hex number, first 6 of 9 digits. */
const pinOf = (appKey: string, appSecret: string): string => {
  const hex = `${appKey.split('-')[1] ?? ''}${appSecret.split('-')[1] ?? ''}`;
  if (!/^[0-9a-fA-F]+$/.test(hex))
    throw new RangeError('enos-poseidon needs UUID-shaped appKey and appSecret');
  return BigInt(`0x${hex}`).toString().padStart(9, '0').slice(0, 6);
};

const hmacHex = (text: string): string => createHmac('sha256', SK).update(text, 'utf8').digest('hex');

/** `__accesstoken` as `urlopen` builds it at wall time `nowMs` (random OAEP padding: a new token every call). */
export const poseidonToken = (appKey: string, appSecret: string, nowMs: number): string => {
  const pin = pinOf(appKey, appSecret);
  const access = hmacHex(pin + String(nowMs + SHORT_MS));
  const refresh = hmacHex(pin + String(nowMs + LONG_MS));
  const plain = [pin, appKey, appSecret, access, refresh].join('$');
  const key = createPublicKey({ key: Buffer.from(PUBKEY, 'base64'), format: 'der', type: 'spki' });
  return publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    Buffer.from(plain, 'utf8'),
  ).toString('base64');
};

/** The headers enos-poseidon sends with every call. */
export const poseidonHeaders = (
  appKey: string,
  appSecret: string,
  nowMs: number,
): Record<string, string> => ({
  'apim-accesstoken': poseidonToken(appKey, appSecret, nowMs),
  'content-type': 'application/json;charset=utf-8',
  'user-agent': POSEIDON_USER_AGENT,
});
