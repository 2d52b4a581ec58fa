// What a vendor's drifted profile is: a rewrite of one JSON answer the way a changed vendor API would send it.
export type DriftRewrite = { status?: number; body: unknown };

/** Rewrites one answer (method, path and query, status, parsed body), or leaves it (undefined). */
export type DriftedAnswer = (
  method: string,
  url: string,
  status: number,
  body: unknown,
) => DriftRewrite | undefined;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
