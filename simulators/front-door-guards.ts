// Mappings that answer at the front door the requests WireMock cannot forward to the model, with the answer the model would give.
import type { PlatformFault } from './platform/faults.ts';
import type { Platform } from './platform/server.ts';
import type { Mapping } from './wiremock/mappings.ts';

/**
 * WireMock 3.13.2's proxy client refuses to build these requests and answers its own 500 (a Java stack trace, or
 * "Network failure ... to http://127.0.0.1:<model port>"): TRACE with any body framing ("TRACE requests may not
 * include an entity"), and OPTIONS with a body framing but no Content-Type ("OPTIONS request must have
 * Content-Type header"). Without a body framing both reach the model as usual (and its journal).
 */
const UNFORWARDABLE: readonly { method: string; headers: Record<string, unknown> }[] = [
  { method: 'TRACE', headers: { 'Content-Length': { matches: '.*' } } },
  { method: 'TRACE', headers: { 'Transfer-Encoding': { matches: '.*' } } },
  { method: 'OPTIONS', headers: { 'Content-Length': { matches: '.*' }, 'Content-Type': { absent: true } } },
  {
    method: 'OPTIONS',
    headers: { 'Transfer-Encoding': { matches: '.*' }, 'Content-Type': { absent: true } },
  },
];

/**
 * The header the harness's WireMock extension (wiremock/extension/src/harness/frontdoor/UnreadableRequest.java) puts
 * on a request whose multipart or form body WireMock cannot parse, naming why; it also removes the body and its
 * Content-Type, so WireMock matches it without parsing, and only a mapping below can answer it.
 */
export const UNREADABLE_BODY_HEADER = 'X-Harness-Unreadable-Body';

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Stand for the request's path, and the extension's reason, in a rendered answer until they become templates. */
const PATH_TOKEN = '\u0000path\u0000';
const REASON_TOKEN = '\u0000reason\u0000';

/**
 * The rendered answer as a WireMock template: {{request.path}} and the marker's value are HTML-escaped by WireMock's
 * Handlebars, so a quote in them cannot break the JSON.
 */
const templated = (body: unknown): string =>
  JSON.stringify(body)
    .replaceAll(JSON.stringify(PATH_TOKEN).slice(1, -1), '{{request.path}}')
    .replaceAll(JSON.stringify(REASON_TOKEN).slice(1, -1), `{{request.headers.${UNREADABLE_BODY_HEADER}}}`);

const answer = (status: number, body: unknown) => ({
  status,
  headers: { 'Content-Type': 'application/json;charset=UTF-8' },
  body: templated(body),
  transformers: ['response-template'],
});

/**
 * Who renders the answer, most specific first: each vendor's prefixes (its documented "no such API" error), then any
 * other path (the platform's plain JSON). Later mappings win among equal priorities, so the list is returned with
 * the catch-all first.
 */
export const frontDoorGuards = (platform: Platform): Mapping[] => {
  const scopes = [
    { name: 'any path', urlPattern: '.*', sample: '/' },
    ...[...platform.vendors.values()].flatMap((v) =>
      v.prefixes.map((prefix) => ({
        name: `${v.vendor} ${prefix}`,
        urlPattern: `${escapeRegex(prefix)}.*`,
        sample: prefix,
      })),
    ),
  ];
  return scopes.flatMap((scope) => {
    const unreadable = platform.renderFault(scope.sample, { kind: 'malformed-body', detail: REASON_TOKEN });
    return [
      ...UNFORWARDABLE.map(({ method, headers }) => {
        const fault: PlatformFault = { kind: 'not-found', method, path: PATH_TOKEN };
        const { status, body } = platform.renderFault(scope.sample, fault);
        return {
          name: `front door: ${method} with a body framing, ${scope.name}`,
          priority: 1,
          request: { method, urlPattern: scope.urlPattern, headers },
          response: answer(status, body),
        };
      }),
      {
        name: `front door: a body WireMock cannot parse, ${scope.name}`,
        priority: 1,
        request: { urlPattern: scope.urlPattern, headers: { [UNREADABLE_BODY_HEADER]: { matches: '.*' } } },
        response: answer(unreadable.status, unreadable.body),
      },
    ];
  });
};
