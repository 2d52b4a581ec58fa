// Requests the platform refuses before any vendor logic runs (bad JSON, wrong media type, oversize, unknown path), as data.

export type PlatformFault =
  | { kind: 'malformed-body'; detail: string }
  | { kind: 'unsupported-media-type'; contentType: string }
  | { kind: 'body-too-large'; limitBytes: number }
  /** Request headers larger than Node's HTTP parser accepts (16 KiB by default). */
  | { kind: 'headers-too-large' }
  | { kind: 'not-found'; method: string; path: string }
  | { kind: 'internal'; detail: string };

/** Maps an error thrown inside fastify (parsers, limits) to a fault; anything unknown is internal. */
export const faultOfError = (
  err: { code?: string; message: string; statusCode?: number },
  limitBytes: number,
): PlatformFault => {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { kind: 'unsupported-media-type', contentType: err.message };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { kind: 'body-too-large', limitBytes };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'HARNESS_MALFORMED_BODY':
      return { kind: 'malformed-body', detail: err.message };
    default:
      if (err.statusCode === 400) return { kind: 'malformed-body', detail: err.message };
      if (err.statusCode === 415) return { kind: 'unsupported-media-type', contentType: err.message };
      if (err.statusCode === 413) return { kind: 'body-too-large', limitBytes };
      return { kind: 'internal', detail: err.message };
  }
};
