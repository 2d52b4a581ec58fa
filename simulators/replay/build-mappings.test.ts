import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMappings, markerMappings, parseLatency, withLatency } from './build-mappings.ts';
import { ReplayCase } from './replay-case.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'replay-'));
writeFileSync(path.join(dir, '403-1010009-throttled.json'), JSON.stringify({ error_code: '1010009' }));
writeFileSync(path.join(dir, '201-task.json'), JSON.stringify({ status: 'WAITTING' }));
const cases = [
  ReplayCase.parse({ fixture: '403-1010009-throttled', method: 'POST', urlPathPattern: '/t' }),
  ReplayCase.parse({
    fixture: '201-task',
    method: 'POST',
    urlPathPattern: '/t',
    query: { a: 'b' },
    isDefault: true,
  }),
];

describe('replay mappings', () => {
  it('answers each case by header or query marker, with the status from the fixture name', () => {
    const m = markerMappings('oc', cases, dir) as {
      request: Record<string, unknown>;
      response: Record<string, unknown>;
    }[];
    expect(m).toHaveLength(4);
    expect(m[0]!.request.headers).toEqual({ 'X-Harness-Case': { equalTo: '403-1010009-throttled' } });
    expect(m[0]!.response.status).toBe(403);
    expect(m[0]!.response.jsonBody).toEqual({ error_code: '1010009' });
    expect(m[3]!.request.queryParameters).toEqual({
      a: { equalTo: 'b' },
      'harness-case': { equalTo: '201-task' },
    });
  });
  it('makes default mappings only for default cases', () => {
    const d = defaultMappings('oc', cases, dir) as { response: { status: number } }[];
    expect(d.map((x) => x.response.status)).toEqual([201]);
  });
  it('parses latency profiles and refuses others', () => {
    expect(parseLatency('fixed:20')).toEqual({ kind: 'fixed', ms: 20 });
    expect(parseLatency('lognormal:80,0.4,2000')).toEqual({
      kind: 'lognormal',
      medianMs: 80,
      sigma: 0.4,
      maxMs: 2000,
    });
    expect(parseLatency('none')).toEqual({ kind: 'none' });
    expect('error' in parseLatency('slow')).toBe(true);
  });
  it('adds latency to answers but not to faults', () => {
    expect(withLatency({ response: { status: 200 } }, { kind: 'fixed', ms: 5 })).toEqual({
      response: { status: 200, fixedDelayMilliseconds: 5 },
    });
    const fault = { response: { fault: 'EMPTY_RESPONSE' } };
    expect(withLatency(fault, { kind: 'fixed', ms: 5 })).toBe(fault);
  });
});
