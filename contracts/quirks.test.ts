// The quirk list on the vendors' own fixtures: each quirk finds exactly the fields that carry it, and removing it leaves nothing to find.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuirkAnswer } from './common/quirk.ts';
import { allFailures } from './failures.ts';
import { allQuirks, quirkById, quirkIds } from './quirks.ts';

const QUIRKS = allQuirks();
const FAILURES = allFailures();

const fixture = (vendor: string, name: string): unknown =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, vendor, 'fixtures', name), 'utf8'));

const OC_TASKS = '/iocm/app/cmd/v1.4.0/deviceCommandCancelTasks';
const ENOS = '/connect-service/v2.1/commands';
const answer = (method: string, url: string, status: number, body: unknown): QuirkAnswer => ({
  method,
  url,
  status,
  body,
});
const q = (id: string) => {
  const quirk = quirkById(id);
  if (!quirk) throw new Error(`no quirk ${id}`);
  return quirk;
};
/** Every hit of every quirk of the answer's vendor, as `id field=value`. */
const hitsOf = (vendor: string, a: QuirkAnswer): string[] =>
  QUIRKS.filter((x) => x.vendor === vendor).flatMap((x) =>
    x.find(a).map((h) => `${x.id} ${h.field}=${h.value}`),
  );

describe('the quirk list', () => {
  it('has unique ids named <vendor>.<name>', () => {
    expect(new Set(quirkIds()).size).toBe(QUIRKS.length);
    for (const x of QUIRKS) expect(x.id.startsWith(`${x.vendor}.`)).toBe(true);
  });

  it('gives every misspelling its two spellings and where the vendor sends it (drift and verify-pact read them here)', () => {
    expect(
      QUIRKS.filter((x) => x.kind === 'spelling').map((x) => [x.id, x.spelling?.vendor, x.spelling?.fixed]),
    ).toEqual([
      ['oceanconnect.waitting', 'WAITTING', 'WAITING'],
      ['oceanconnect.pendding', 'PENDDING', 'PENDING'],
    ]);
    for (const x of QUIRKS.filter((y) => y.kind === 'spelling')) expect(x.spelling?.where).toMatch(/\w+ \w+/);
  });

  it('finds WAITTING and PENDDING in a revocation-task answer, with their paths, and removes them', () => {
    const a = answer('POST', OC_TASKS, 201, fixture('oceanconnect', '201-revocation-task.json'));
    expect(hitsOf('oceanconnect', a)).toEqual([
      'oceanconnect.waitting status="WAITTING"',
      'oceanconnect.pendding deviceCommands[0].status="PENDDING"',
      'oceanconnect.pendding deviceCommands[1].status="PENDDING"',
    ]);
    const fixed = q('oceanconnect.waitting').remove(a);
    expect(fixed?.status).toBe(201);
    expect((fixed?.body as { status: string } | undefined)?.status).toBe('WAITING');
    expect(q('oceanconnect.waitting').find({ ...a, body: fixed?.body })).toEqual([]);
    // Removing one quirk leaves the other.
    expect(q('oceanconnect.pendding').find({ ...a, body: fixed?.body })).toHaveLength(2);
  });

  it('finds WAITTING inside a query page too, and nowhere but in task answers', () => {
    const page = fixture('oceanconnect', '200-query-revocation-tasks.json');
    expect(q('oceanconnect.waitting').find(answer('GET', `${OC_TASKS}?taskId=t`, 200, page))).toEqual([
      { field: 'data[0].status', value: '"WAITTING"' },
    ]);
    expect(
      q('oceanconnect.waitting').find(answer('GET', '/iocm/app/cmd/v1.4.0/deviceCommands', 200, page)),
    ).toEqual([]);
  });

  it('finds an OceanConnect error sent with HTTP 200 and gives it its REST status; the same code with 403 is no quirk', () => {
    const body = fixture('oceanconnect', '200-100418-device-data-not-existed.json');
    const a = answer('POST', OC_TASKS, 200, body);
    expect(hitsOf('oceanconnect', a)).toEqual([
      'oceanconnect.error-http-200 HTTP status=200 with error code 100418',
    ]);
    expect(q('oceanconnect.error-http-200').remove(a)).toEqual({ status: 404, body });
    const app = fixture('oceanconnect', '200-100203-application-not-existed.json');
    expect(q('oceanconnect.error-http-200').remove(answer('POST', OC_TASKS, 200, app))?.status).toBe(403);
    expect(hitsOf('oceanconnect', answer('POST', OC_TASKS, 403, app))).toEqual([]);
  });

  it('finds the cancel answer state 1 snapshot and turns it into 2; a get answer with state 1 is no quirk', () => {
    const body = fixture('enos', '200-cancel-one-by-device-key.json');
    const a = answer('POST', `${ENOS}?action=cancel&orgId=o&commandId=c`, 200, body);
    expect(hitsOf('enos', a)).toEqual(['enos.cancel-snapshot data[0].state=1']);
    const fixed = q('enos.cancel-snapshot').remove(a);
    expect((fixed?.body as { data: { state: number }[] } | undefined)?.data[0]?.state).toBe(2);
    expect(hitsOf('enos', answer('GET', `${ENOS}?action=get&orgId=o&commandId=c`, 200, body))).toEqual([]);
  });

  it('gives every EnOS code a REST status when the error quirk is removed', () => {
    const rest = (name: string) =>
      q('enos.error-http-200').remove(answer('POST', `${ENOS}?action=cancel`, 200, fixture('enos', name)))
        ?.status;
    expect(rest('200-11905-not-created-state.json')).toBe(409);
    expect(rest('200-11404-command-not-found.json')).toBe(404);
    expect(rest('200-99500-internal-server-error.json')).toBe(500);
    expect(rest('200-token-1003-encryption-invalid.json')).toBe(401);
    expect(rest('200-cancel-one-by-device-key.json')).toBeUndefined();
  });

  it('finds IoTDA create answered 200 and IOTDA.014111 with HTTP 200', () => {
    const url = '/v5/iot/p1/devices/d1/async-commands';
    const created = answer('POST', url, 200, fixture('iotda', '200-create-delay-pending.json'));
    expect(hitsOf('iotda', created)).toEqual(['iotda.create-200 HTTP status=200 for a created command']);
    expect(q('iotda.create-200').remove(created)?.status).toBe(201);
    expect(hitsOf('iotda', { ...created, method: 'GET' })).toEqual([]);
    const timedOut = answer(
      'GET',
      `${url}/c1`,
      200,
      fixture('iotda', '200-iotda-014111-command-timed-out.json'),
    );
    expect(hitsOf('iotda', timedOut)).toEqual([
      'iotda.error-http-200 HTTP status=200 with error code IOTDA.014111',
    ]);
    expect(q('iotda.error-http-200').remove(timedOut)?.status).toBe(504);
  });
});

describe('the failure list', () => {
  it('has unique ids; every vendor failure names the status and code of a documented answer', () => {
    expect(new Set(FAILURES.map((f) => f.id)).size).toBe(FAILURES.length);
    expect(FAILURES.map((f) => `${f.id} ${f.status ?? '-'} ${f.expect}`)).toEqual([
      'enos.11905 200 no-retry',
      'enos.99500 200 recover',
      'oceanconnect.1010009 403 recover',
      'oceanconnect.100418 200 recover',
      'oceanconnect.100001 500 recover',
      'oceanconnect.100501 503 recover',
      'iotda.APIG.0308 429 recover',
      'iotda.IOTDA.000001 500 recover',
      'network.connection-reset - recover',
      'network.latency-spike - recover',
    ]);
    expect(FAILURES.find((f) => f.id === 'enos.11905')?.endpoints).toEqual(['cancel']);
  });
});
