// The driver protocol: answers matched by id, and a dead, silent or off-protocol driver reported with what it said.
import { describe, expect, it } from 'vitest';
import { Driver } from './driver.ts';

/** A stand-in driver: node running `script` with the request lines on stdin. */
const fake = (script: string) => new Driver(process.execPath, ['-e', script]);
const ECHO = `require('readline').createInterface({input: process.stdin}).on('line', (l) => {
  const r = JSON.parse(l);
  if (r.op === 'fail') console.log(JSON.stringify({id: r.id, ok: false, error: {kind: 'X', status: 401, errorCode: 'E.1'}}));
  else if (r.op === 'garbage') console.log(JSON.stringify({id: r.id, nope: true}));
  else if (r.op === 'die') { console.error('dying'); process.exit(3); }
  else if (r.op !== 'silent') console.log(JSON.stringify({id: r.id, ok: true, value: r}));
});`;

describe('Driver', () => {
  it('answers each request by its id; an SDK error comes back as data', async () => {
    const d = fake(ECHO);
    try {
      expect(await d.value({ op: 'echo', x: 1 })).toEqual({ op: 'echo', x: 1, id: 1 });
      expect(await d.call({ op: 'fail' })).toEqual({
        id: 2,
        ok: false,
        error: { kind: 'X', status: 401, errorCode: 'E.1' },
      });
      await expect(d.value({ op: 'fail' })).rejects.toThrow(/fail failed: .*E\.1/);
    } finally {
      await d.close();
    }
  });
  it('rejects an answer out of protocol, a silent driver and a dead one (with its stderr)', async () => {
    const d = fake(ECHO);
    await expect(d.call({ op: 'garbage' })).rejects.toThrow(/answer out of protocol/);
    await expect(d.call({ op: 'silent' }, 300)).rejects.toThrow(/no answer within 300 ms/);
    await expect(d.call({ op: 'die' })).rejects.toThrow(/exited \(code 3\):\s*dying/);
    await d.close();
  });
});
