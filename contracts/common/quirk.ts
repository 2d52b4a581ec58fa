// What a vendor quirk is: an odd answer the vendor really sends, where an answer carries it, and the answer without it.
import { z } from 'zod';

/**
 * `spelling`: a misspelt value (a client matching the correct spelling breaks; one matching the vendor's breaks when it
 * is fixed). `error-with-http-200`: an error sent with a success status. `answer-shape`: any other oddity of an answer.
 */
export const QUIRK_KINDS = ['spelling', 'error-with-http-200', 'answer-shape'] as const;
export const QuirkKind = z.enum(QUIRK_KINDS);
export type QuirkKind = z.infer<typeof QuirkKind>;

/** One answer as the journal holds it: the request line, the status, and the body parsed (undefined: not JSON). */
export type QuirkAnswer = { method: string; url: string; status: number; body: unknown };

/** Where an answer carries a quirk: a field path (`deviceCommands[0].status`, `HTTP status`) and the value there. */
export const QuirkHit = z.object({ field: z.string(), value: z.string() });
export type QuirkHit = z.infer<typeof QuirkHit>;

export type Quirk = {
  /** `<vendor>.<name>`, e.g. `oceanconnect.waitting`. */
  id: string;
  vendor: string;
  kind: QuirkKind;
  /** What the vendor does, as a noun phrase: "the revocation-task status spelled WAITTING". */
  title: string;
  /** What a vendor without the quirk would send: "WAITING". */
  without: string;
  /** Where it is documented (seed, vendor notes, contract decisions). */
  source: string;
  /** false: the vendor behaviour itself is unverified (the simulator's faithful profile still reproduces it). */
  verified: boolean;
  /**
   * A `spelling` quirk's two spellings and where the vendor sends its own: what drift calls a fixed misspelling and
   * `verify-pact` explains (this is their one home).
   */
  spelling?: { readonly vendor: string; readonly fixed: string; readonly where: string };
  /** Every place the answer carries the quirk (empty: none). */
  find(answer: QuirkAnswer): QuirkHit[];
  /** The status and body a vendor without the quirk would send; undefined when the answer does not carry it. */
  remove(answer: QuirkAnswer): { status: number; body: unknown } | undefined;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `key` property under a JSON value whose value is `from`, with its path (`a.b[2].key`). */
export const findValues = (body: unknown, key: string, from: unknown, path = ''): string[] => {
  if (Array.isArray(body)) return body.flatMap((v, i) => findValues(v, key, from, `${path}[${i}]`));
  if (!isRecord(body)) return [];
  return Object.entries(body).flatMap(([k, v]) => {
    const here = path === '' ? k : `${path}.${k}`;
    return [...(k === key && v === from ? [here] : []), ...findValues(v, key, from, here)];
  });
};

/** The JSON value with every `key` property whose value is `from` set to `to`. */
export const replaceValues = (body: unknown, key: string, from: unknown, to: unknown): unknown => {
  if (Array.isArray(body)) return body.map((v) => replaceValues(v, key, from, to));
  if (!isRecord(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, k === key && v === from ? to : replaceValues(v, key, from, to)]),
  );
};

/** A quirk that is one value of one property, anywhere in the answers `applies` accepts (a misspelling, a snapshot). */
export const valueQuirk = (
  q: Omit<Quirk, 'find' | 'remove'> & {
    key: string;
    from: string | number;
    to: string | number;
    applies: (a: QuirkAnswer) => boolean;
    /** A misspelling only: where the vendor sends it, as a noun phrase ("the status of a revocation task that has not started"). */
    where?: string;
  },
): Quirk => ({
  id: q.id,
  vendor: q.vendor,
  kind: q.kind,
  title: q.title,
  without: q.without,
  source: q.source,
  verified: q.verified,
  ...(q.kind === 'spelling' && q.where !== undefined
    ? { spelling: { vendor: String(q.from), fixed: String(q.to), where: q.where } }
    : {}),
  find: (a) =>
    q.applies(a)
      ? findValues(a.body, q.key, q.from).map((field) => ({ field, value: JSON.stringify(q.from) }))
      : [],
  remove: (a) =>
    q.applies(a) && findValues(a.body, q.key, q.from).length > 0
      ? { status: a.status, body: replaceValues(a.body, q.key, q.from, q.to) }
      : undefined,
});

/** A quirk of error answers sent with a 2xx status: `codeOf` reads the vendor's code, `restStatusOf` the REST status. */
export const errorWithHttp200Quirk = (
  q: Omit<Quirk, 'find' | 'remove' | 'kind' | 'without'> & {
    codeOf: (body: unknown) => string | undefined;
    restStatusOf: (code: string) => number;
  },
): Quirk => {
  const carried = (a: QuirkAnswer): string | undefined =>
    a.status >= 200 && a.status < 300 ? q.codeOf(a.body) : undefined;
  return {
    id: q.id,
    vendor: q.vendor,
    kind: 'error-with-http-200',
    title: q.title,
    without: 'the HTTP status a REST API would use (4xx/5xx by code)',
    source: q.source,
    verified: q.verified,
    find: (a) => {
      const code = carried(a);
      return code === undefined
        ? []
        : [{ field: 'HTTP status', value: `${a.status} with error code ${code}` }];
    },
    remove: (a) => {
      const code = carried(a);
      return code === undefined ? undefined : { status: q.restStatusOf(code), body: a.body };
    },
  };
};

/** The path of a journal URL, without its query. */
export const pathOf = (url: string): string => new URL(url, 'http://quirk.invalid').pathname;
/** One query parameter of a journal URL. */
export const queryOf = (url: string, name: string): string | null =>
  new URL(url, 'http://quirk.invalid').searchParams.get(name);
