// What `harness drift` needs to know of a vendor: the facts its answers are judged by, and what each pinned interaction needs of a target.
import { z } from 'zod';
import { HuaweiTime } from './huawei-time.ts';

/** The token the drift run sends where an interaction's point is a bad token (never a team's credential). */
export const DRIFT_BAD_TOKEN = 'harness-drift-invalid-token';
/** The id the drift run sends where an interaction's point is an id nobody holds. */
export const DRIFT_UNKNOWN_ID = 'harness-drift-unknown-id';

/** Where a value sits in a request: the path segment after `after`, a query parameter, or a top-level JSON/form body field. */
export const RequestSlot = z.union([
  z.strictObject({ at: z.literal('path'), after: z.string().min(1) }),
  z.strictObject({ at: z.literal('query'), name: z.string().min(1) }),
  z.strictObject({ at: z.literal('body'), name: z.string().min(1) }),
]);
export type RequestSlot = z.infer<typeof RequestSlot>;

/**
 * One change the drift run makes to a pinned request. Alterations are applied after the team's credentials, so a
 * header set or dropped here is never put back by them.
 */
export const Alteration = z.union([
  z.strictObject({ header: z.string().min(1), set: z.string() }),
  z.strictObject({ header: z.string().min(1), drop: z.literal(true) }),
  z.strictObject({ slot: RequestSlot, set: z.string() }),
  /** The value a step before captured (`capture.name`). */
  z.strictObject({ slot: RequestSlot, captured: z.string().min(1) }),
]);
export type Alteration = z.infer<typeof Alteration>;

/** A value taken from an answer: a JSONPath-like path such as `$.data.commandId`. */
export const Capture = z.strictObject({ name: z.string().min(1), at: z.string().regex(/^\$/) });
export type Capture = z.infer<typeof Capture>;

/** Another pinned interaction's request, sent for its effect (creating or cancelling a command), altered and captured. */
export const Step = z.strictObject({
  replay: z.string().min(1),
  alter: z.array(Alteration).default([]),
  capture: Capture.optional(),
});
export type Step = z.input<typeof Step>;

/**
 * What a pinned interaction needs of a target:
 * - `plain`: nothing; its request is sent as pinned (with the team's credentials). It may create something, which
 *   `cleanup` removes through the vendor's API.
 * - `made`: a situation the drift run makes itself with real requests: an unknown id, a bad token, a missing
 *   header, a fresh command created before (and cleaned up after).
 * - `state`: a state only the simulator can be put in (throttle exhausted, an injected 500, a device online): with a
 *   target that has no control API it is "not reproducible here", never drift.
 */
export const Need = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('plain'),
    capture: Capture.optional(),
    cleanup: z.array(Step).default([]),
    /**
     * The answer carries a credential that replaces the team's from then on (OceanConnect: only the latest token is
     * valid), when the request carried the team's own secret.
     */
    renews: z
      .strictObject({ header: z.string(), prefix: z.string(), at: z.string().regex(/^\$/) })
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('made'),
    /** What is made, in words: "an unknown device id", "a fresh PENDING command". */
    what: z.string().min(1),
    setup: z.array(Step).default([]),
    alter: z.array(Alteration).default([]),
    capture: Capture.optional(),
    cleanup: z.array(Step).default([]),
  }),
  z.strictObject({ kind: z.literal('state'), reason: z.string().min(1) }),
]);
export type Need = z.input<typeof Need>;
export type NeedParsed = z.output<typeof Need>;

/** A JSON type as drift names it. */
export const JsonType = z.enum(['null', 'array', 'object', 'string', 'number', 'boolean']);
export type JsonType = z.infer<typeof JsonType>;

/** The facts a vendor's answers are judged by, keyed by field name (the last key of a path). */
export const DriftFacts = z.strictObject({
  /** Device- or application-defined content, compared by JSON type only. `why` is shown in the README. */
  freeForm: z.array(z.strictObject({ field: z.string(), why: z.string() })),
  /** Human-readable texts: a change while the code beside them is unchanged is info. */
  messages: z.array(z.string()),
  /** Codes a client branches on (error codes, envelope codes): a change is breaking. */
  codes: z.array(z.string()),
  /** Fields the contract documents as nullable: turning null there is no retype. */
  nullable: z.array(z.string()),
  /** Closed sets (the contract's enums): a value outside is breaking wherever it appears. */
  enums: z.array(
    z.strictObject({
      field: z.string(),
      values: z.array(z.union([z.string(), z.number()])).min(1),
      source: z.string(),
    }),
  ),
  /** Formats (the contract's schemas): a value that does not parse is breaking wherever it appears. */
  formats: z.array(
    z.strictObject({
      field: z.string(),
      name: z.string(),
      example: z.string(),
      check: z.custom<(value: unknown) => boolean>((v) => typeof v === 'function'),
    }),
  ),
  /** Types the vendor itself documents more than one of: a change between them is info. */
  variants: z.array(
    z.strictObject({ field: z.string(), types: z.array(JsonType).min(2), source: z.string() }),
  ),
});
export type DriftFacts = z.infer<typeof DriftFacts>;

/** Wraps a zod schema as a format check. */
export const formatCheck =
  (schema: z.ZodType) =>
  (value: unknown): boolean =>
    schema.safeParse(value).success;

/** The Huawei time format (OceanConnect and IoTDA) of a field, with an example from the vendor's page. */
export const huaweiTimeFormat = (field: string, example: string): DriftFacts['formats'][number] => ({
  field,
  name: "yyyyMMdd'T'HHmmss'Z'",
  example,
  check: formatCheck(HuaweiTime),
});
