// What the simulator answers: documented OceanConnect errors by code, success bodies, platform faults, and the reply itself.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { issuesOf } from '../../contracts/common/problem.ts';
import { type ErrorBody, errorBodyOf, findDocumentedError } from '../../contracts/oceanconnect/errors.ts';
import type { PlatformFault } from '../platform/faults.ts';

/** One answer: HTTP status, JSON body, and an optional explanation sent in the `X-Harness-Detail` header. */
export type OcAnswer = { status: number; body: unknown; detail?: string };

export const DETAIL_HEADER = 'x-harness-detail';
const JSON_TYPE = 'application/json;charset=UTF-8';

/** A row of the documented error table (errors.ts); asking for an undocumented pair is a bug and throws. */
export const documented = (httpStatus: number, code: string, detail?: string): OcAnswer => {
  const row = findDocumentedError(httpStatus, code);
  if (!row) throw new Error(`oceanconnect simulator bug: ${httpStatus} ${code} is not a documented error`);
  return { status: httpStatus, body: errorBodyOf(row), ...(detail === undefined ? {} : { detail }) };
};

/** The documented errors the simulator answers, by what went wrong. */
export const OC = {
  inputInvalid: (detail: string) => documented(400, '100022', detail),
  appKeyMissing: () => documented(500, '100220', 'the app_key header is missing or empty'),
  appNotExisted: (status: 200 | 403, detail: string) => documented(status, '100203', detail),
  appNotAuthorized: (status: 200 | 403, detail: string) => documented(status, '100217', detail),
  tokenInvalid: (detail: string) => documented(403, '1010005', detail),
  throttled: (retryAfterMs: number) =>
    documented(403, '1010009', `application throttle window exhausted; it reopens in ${retryAfterMs} ms`),
  deviceUnknown: (deviceId: string) =>
    documented(200, '100418', `no device ${deviceId} belongs to the application`),
  commandLimit: (cap: number) =>
    documented(400, '100223', `the device already holds ${cap} PENDING commands`),
  internalError: (detail: string) => documented(500, '100001', detail),
  congestion: (detail: string) => documented(503, '100501', detail),
} as const;

export const success = (status: number, body: unknown): OcAnswer => ({ status, body });

/** 400 100022 naming every field the schema refused. */
export const invalidInput = (where: string, error: z.ZodError): OcAnswer =>
  OC.inputInvalid(
    `${where}: ${issuesOf(error)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')}`,
  );

/**
 * Requests refused before any route ran. The vendor documents no 404, 413 or 415; an unknown path, a malformed or
 * oversize body and an unsupported media type are all "The input is invalid." (400 100022), a crash is 500 100001.
 */
export const renderFault = (fault: PlatformFault): OcAnswer => {
  switch (fault.kind) {
    case 'not-found':
      return OC.inputInvalid(`no OceanConnect API at ${fault.method} ${fault.path}`);
    case 'malformed-body':
      return OC.inputInvalid(fault.detail);
    case 'unsupported-media-type':
      return OC.inputInvalid(`unsupported content type ${fault.contentType}`);
    case 'body-too-large':
      return OC.inputInvalid(`the body is larger than ${fault.limitBytes} bytes`);
    case 'headers-too-large':
      return OC.inputInvalid('the request headers are larger than 16 KiB');
    case 'internal':
      return OC.internalError(fault.detail);
  }
};

/** The vendor error code of an answer body, for the journal; undefined for a success. */
export const errorCodeOf = (_status: number, body: unknown): string | undefined => {
  if (typeof body !== 'object' || body === null || !('error_code' in body)) return undefined;
  const code = (body as Partial<ErrorBody>).error_code;
  return typeof code === 'string' ? code : undefined;
};

/** Header values must be visible ASCII: anything else becomes `?`, and the text is cut at 500 characters. */
const headerSafe = (text: string): string => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 500);

export const send = (reply: FastifyReply, answer: OcAnswer): FastifyReply => {
  reply.code(answer.status).header('content-type', JSON_TYPE);
  if (answer.detail !== undefined) reply.header(DETAIL_HEADER, headerSafe(answer.detail));
  return reply.send(JSON.stringify(answer.body));
};
