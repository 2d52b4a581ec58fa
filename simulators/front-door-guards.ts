// Mappings that answer at the front door the requests WireMock's proxy cannot forward to the model, with the answer the model would give.
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

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Stands for the request's path in a rendered answer until it becomes a WireMock template expression. */
const PATH_TOKEN = '\u0000path\u0000';

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
  return scopes.flatMap((scope) =>
    UNFORWARDABLE.map(({ method, headers }) => {
      const fault: PlatformFault = { kind: 'not-found', method, path: PATH_TOKEN };
      const { status, body } = platform.renderFault(scope.sample, fault);
      return {
        name: `front door: ${method} with a body framing, ${scope.name}`,
        priority: 1,
        request: { method, urlPattern: scope.urlPattern, headers },
        response: {
          status,
          headers: { 'Content-Type': 'application/json;charset=UTF-8' },
          // {{request.path}} is HTML-escaped by WireMock's Handlebars, so a quote in a path cannot break the JSON.
          body: JSON.stringify(body).replaceAll(JSON.stringify(PATH_TOKEN).slice(1, -1), '{{request.path}}'),
          transformers: ['response-template'],
        },
      };
    }),
  );
};
