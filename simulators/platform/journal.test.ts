// The platform journal: a bounded ring, read oldest first, with error codes worked out once and only when read.
import { describe, expect, it } from 'vitest';
import { Journal } from './journal.ts';

const entry = (url: string) => ({
  at: 0,
  wallAt: 0,
  vendor: 'iotda',
  method: 'GET',
  url,
  headers: {},
  body: '',
  status: 200,
  responseBody: '{}',
});

describe('platform journal', () => {
  it('keeps the last `capacity` entries, oldest first, with their sequence numbers', () => {
    const j = new Journal(3);
    for (const u of ['/a', '/b', '/c', '/d', '/e']) j.add(entry(u), () => undefined);
    expect(j.since(0).map((e) => [e.seq, e.url])).toEqual([
      [3, '/c'],
      [4, '/d'],
      [5, '/e'],
    ]);
    expect(j.since(4).map((e) => e.url)).toEqual(['/e']);
    expect(j.lastSeq).toBe(5);
  });

  it('works an error code out when the entry is first read, and only once', () => {
    const j = new Journal(10);
    let calls = 0;
    j.add(entry('/x'), () => {
      calls += 1;
      return '1010009';
    });
    j.add(entry('/y'), () => undefined);
    expect(calls).toBe(0);
    const read = j.since(0);
    expect(read.map((e) => e.errorCode)).toEqual(['1010009', undefined]);
    expect(read[1]).not.toHaveProperty('errorCode');
    expect(read[0]).not.toHaveProperty('errorCodeOf');
    expect(j.since(0, (e) => e.errorCode === '1010009').map((e) => e.url)).toEqual(['/x']);
    expect(calls).toBe(1);
  });

  it('a capacity of 0 keeps nothing but still counts', () => {
    const j = new Journal(0);
    expect(j.enabled).toBe(false);
    j.add(entry('/a'), () => 'x');
    expect(j.since(0)).toEqual([]);
    expect(j.lastSeq).toBe(1);
  });
});
