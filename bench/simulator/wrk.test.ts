import { describe, expect, it } from 'vitest';
import { parseWrk } from './wrk.ts';

const SAMPLE = `Running 10s test @ http://127.0.0.1:8080/x
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.44us  301.11us  12.10ms   90.12%
    Req/Sec    19.80k     1.20k   21.50k    80.00%
  Latency Distribution
     50%  750.00us
     75%    0.90ms
     90%    1.10ms
     99%    2.50ms
  197012 requests in 10.00s, 80.11MB read
  Non-2xx or 3xx responses: 3
Requests/sec:  19700.12
Transfer/sec:      8.01MB
`;

describe('wrk report parsing', () => {
  it('reads rps, percentiles in mixed units and counts', () => {
    expect(parseWrk(SAMPLE)).toEqual({ rps: 19700.12, p50Ms: 0.75, p99Ms: 2.5, requests: 197012, non2xx: 3 });
  });
  it('gives NaN for a report without figures', () => {
    expect(Number.isNaN(parseWrk('garbage').rps)).toBe(true);
  });
});
