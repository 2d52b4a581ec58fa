// Derived AK/SK signing (V11-HMAC-SHA256), as Huawei's SDKs sign for IoTDA standard and enterprise instances, and the scheme that verifies it.
import { createHash, hkdfSync } from 'node:crypto';
import {
  type Credentials,
  type ParsedAuthorization,
  type SignableRequest,
  type SignatureFailure,
  type SigningScheme,
  type SignResult,
  signWith,
} from './signing.ts';

/*
 * Read from the SDKs' own signers, not guessed:
 * - Python huaweicloudsdkcore 3.1.219, `signer/signer.py` (DerivationAKSKSigner) and `signer/hkdf.py`;
 * - Go huaweicloud-sdk-go-v3 v0.1.207, `core/auth/signer/derived_signer.go` and `core/auth/signer/hkdf/`;
 * - Node @huaweicloud/huaweicloud-sdk-core 3.1.211, `auth/DerivedAKSKSigner.js` and `auth/HKDF.js`.
 * All three: the canonical request of SDK-HMAC-SHA256; info = `<yyyyMMdd of X-Sdk-Date>/<region>/<service>`;
 * derived key = lower-case hex of HKDF-SHA256(ikm = SK, salt = AK, info, 32 bytes), used as the HMAC key's text;
 * string to sign = `V11-HMAC-SHA256\n<X-Sdk-Date>\n<info>\n<hex sha256 of the canonical request>`.
 */

export const DERIVED_SIGNING_ALGORITHM = 'V11-HMAC-SHA256';

/** The service name IoTDA's SDK clients derive with (`_with_derived_auth_service_name("iotdm")` in every language). */
export const IOTDA_DERIVED_SERVICE = 'iotdm';

/** The contract's shape of a derived Authorization value (names lower-case, signature lower-case hex). */
export const DERIVED_AUTHORIZATION_REGEX =
  '^V11-HMAC-SHA256 Credential=[^/,\\s]+/\\d{8}/[a-z0-9-]+/[a-z0-9]+, SignedHeaders=[a-z0-9_.;-]+, Signature=[0-9a-f]{64}$';

/** `<yyyyMMdd>/<region>/<service>`: the date is the first eight characters of the request's X-Sdk-Date. */
export const credentialScope = (sdkDate: string, region: string, service: string): string =>
  `${sdkDate.slice(0, 8)}/${region}/${service}`;

/** The HMAC key of a derived signature: the hex text of HKDF-SHA256(SK, salt AK, info scope), 32 bytes. */
export const derivedKey = (ak: string, sk: string, scope: string): string =>
  Buffer.from(hkdfSync('sha256', sk, ak, scope, 32)).toString('hex');

export const derivedStringToSign = (sdkDate: string, scope: string, canonical: string): string =>
  [DERIVED_SIGNING_ALGORITHM, sdkDate, scope, createHash('sha256').update(canonical).digest('hex')].join(
    '\n',
  );

export const derivedAuthorizationHeader = (
  ak: string,
  scope: string,
  signedHeaders: string,
  sig: string,
): string =>
  `${DERIVED_SIGNING_ALGORITHM} Credential=${ak}/${scope}, SignedHeaders=${signedHeaders}, Signature=${sig}`;

/** Reads `V11-HMAC-SHA256 Credential=<ak>/<date>/<region>/<service>, SignedHeaders=..., Signature=<hex>`. */
export const parseDerivedAuthorization = (value: string): ParsedAuthorization | undefined => {
  const m =
    /^V11-HMAC-SHA256\s+Credential=([^/,\s]+)\/([^/,\s]+)\/([^/,\s]+)\/([^/,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9A-Fa-f]+)\s*$/.exec(
      value,
    );
  if (!m) return undefined;
  const [, ak, date, region, service, signed, sig] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    algorithm: DERIVED_SIGNING_ALGORITHM,
    ak,
    scope: { date, region, service },
    signedHeaders: signed.split(';').filter(Boolean),
    signature: sig.toLowerCase(),
  };
};

/** Where a derived signature is made for: the instance's region and the service name (IoTDA's by default). */
export type DerivedTarget = { region: string; service?: string };

/** Signs a request the way the SDKs do with derived credentials (see `signWith` for the headers). */
export const signDerived = (
  req: SignableRequest,
  creds: Credentials,
  target: DerivedTarget,
  now: () => number = Date.now,
): SignResult => {
  const service = target.service ?? IOTDA_DERIVED_SERVICE;
  return signWith(
    req,
    creds,
    {
      signingKey: ({ ak, sk }, sdkDate) =>
        derivedKey(ak, sk, credentialScope(sdkDate, target.region, service)),
      stringToSign: (sdkDate, canonical) =>
        derivedStringToSign(sdkDate, credentialScope(sdkDate, target.region, service), canonical),
      authorization: ({ ak }, signedHeaders, sig, sdkDate) =>
        derivedAuthorizationHeader(ak, credentialScope(sdkDate, target.region, service), signedHeaders, sig),
    },
    now,
  );
};

const scopeText = (p: ParsedAuthorization): string =>
  p.scope ? `${p.scope.date}/${p.scope.region}/${p.scope.service}` : '';

/**
 * The verifier's scheme for derived signatures made for `target`: the scope's date must be the X-Sdk-Date's day, its
 * service `target.service`, its region `target.region`; then the signature is checked with the derived key.
 */
export const derivedScheme = (target: DerivedTarget): SigningScheme => {
  const service = target.service ?? IOTDA_DERIVED_SERVICE;
  return {
    algorithm: DERIVED_SIGNING_ALGORITHM,
    parse: parseDerivedAuthorization,
    check: (parsed, sdkDate): SignatureFailure | undefined => {
      const scope = parsed.scope;
      if (!scope) return { reason: 'malformed-authorization', value: parsed.algorithm };
      if (scope.date !== sdkDate.slice(0, 8))
        return {
          reason: 'credential-scope',
          field: 'date',
          expected: sdkDate.slice(0, 8),
          received: scope.date,
        };
      if (scope.service !== service)
        return { reason: 'credential-scope', field: 'service', expected: service, received: scope.service };
      if (scope.region !== target.region)
        return {
          reason: 'credential-scope',
          field: 'region',
          expected: target.region,
          received: scope.region,
        };
      return undefined;
    },
    signingKey: (parsed, sk) => derivedKey(parsed.ak, sk, scopeText(parsed)),
    stringToSign: (parsed, sdkDate, canonical) => derivedStringToSign(sdkDate, scopeText(parsed), canonical),
  };
};
