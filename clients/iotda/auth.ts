// The auth headers of one IoTDA request: an IAM token as X-Auth-Token, or an AK/SK signature over the exact request.
import type { IotdaCredentials } from '../../contracts/iotda/requests.ts';
import { type QueryParams, sign } from '../../contracts/iotda/signing.ts';

export type OutgoingRequest = {
  method: 'GET' | 'POST';
  /** Full URL without the query. */
  url: string;
  query: QueryParams;
  /** Headers the request will carry besides auth (Instance-Id, content-type), names as they will be sent. */
  headers: Record<string, string>;
  /** The body exactly as it will be sent. */
  body?: string;
};

/**
 * Returns every header to send. For AK/SK the `host` header is set explicitly to the value signed, so that what the
 * server sees is what was signed; a new X-Sdk-Date is taken from `now` on every call (every retry is signed afresh).
 */
export const withAuthHeaders = (
  credentials: IotdaCredentials,
  req: OutgoingRequest,
  now: () => number,
): Record<string, string> => {
  if (credentials.kind === 'token') return { ...req.headers, 'X-Auth-Token': credentials.token };
  const url = new URL(req.url);
  const signed = sign(
    {
      method: req.method,
      path: url.pathname,
      query: req.query,
      headers: { ...req.headers, host: url.host },
      ...(req.body !== undefined ? { body: req.body } : {}),
    },
    { ak: credentials.ak, sk: credentials.sk },
    now,
  );
  return signed.headers;
};
