// IoTDA's quirks, as contracts/common/quirk.ts defines them: create answered 200 (not 201) and IOTDA.014111 with HTTP 200.
import { errorWithHttp200Quirk, pathOf, type Quirk } from '../common/quirk.ts';

const VENDOR = 'iotda';
const CREATE_PATH = /^\/v5\/iot\/[^/]+\/devices\/[^/]+\/async-commands\/?$/;

const codeOf = (body: unknown): string | undefined => {
  const code = (body as { error_code?: unknown } | undefined)?.error_code;
  return typeof code === 'string' ? code : undefined;
};

export const IOTDA_QUIRKS: readonly Quirk[] = [
  {
    id: 'iotda.create-200',
    vendor: VENDOR,
    kind: 'answer-shape',
    title: 'a created async command answered with HTTP 200',
    without: 'HTTP 201 (Created)',
    source: 'VENDOR-NOTES section 3; the SDK model CreateAsyncCommandResponse; contracts/iotda/DECISIONS.md',
    verified: true,
    find: (a) =>
      a.method === 'POST' &&
      a.status === 200 &&
      CREATE_PATH.test(pathOf(a.url)) &&
      codeOf(a.body) === undefined
        ? [{ field: 'HTTP status', value: '200 for a created command' }]
        : [],
    remove: (a) =>
      a.method === 'POST' &&
      a.status === 200 &&
      CREATE_PATH.test(pathOf(a.url)) &&
      codeOf(a.body) === undefined
        ? { status: 201, body: a.body }
        : undefined,
  },
  errorWithHttp200Quirk({
    id: 'iotda.error-http-200',
    vendor: VENDOR,
    title: 'IOTDA.014111 (command timed out) sent with HTTP 200',
    source: 'VENDOR-NOTES sections 3 and 5; contracts/iotda/errors.ts (unverified text)',
    verified: true,
    codeOf,
    restStatusOf: () => 504,
  }),
];
