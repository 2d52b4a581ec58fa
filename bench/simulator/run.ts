// Benchmark of the simulator: the platform model hit directly, the same through WireMock, and WireMock serving a static stub of the same answer; medians over rounds, as ratios to the stub.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { createClient } from '../../clients/iotda/client.ts';
import { startSimulators } from '../../simulators/sim.ts';
import { registerMapping } from '../../simulators/wiremock/mappings.ts';
import { runWrk, type WrkResult } from './wrk.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 3);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 16);
const COMMANDS = arg('commands', 1_000_000);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const main = async (): Promise<void> => {
  const sim = await startSimulators({ mode: 'stateful' });
  let constant: Server | undefined;
  try {
    const platformUrl = sim.info.controlUrl.replace(/\/__control$/, '');
    const { iotda } = sim.info;
    const client = createClient({
      baseUrl: platformUrl,
      projectId: iotda.projectId,
      credentials: { kind: 'token', token: iotda.authToken },
    });
    const deviceId = iotda.devices[0]!;
    const made = await client.createAsyncCommand({
      device_id: deviceId,
      paras: { value: 'ON' },
      send_strategy: 'delay',
    });
    if (!made.ok) throw new Error(`could not create the benchmark command: ${JSON.stringify(made.problem)}`);
    const showPath = `/v5/iot/${iotda.projectId}/devices/${deviceId}/async-commands/${made.value.command_id}`;
    const headers = { 'X-Auth-Token': iotda.authToken };
    const res = await request(`${platformUrl}${showPath}`, { headers });
    const body = await res.body.text();
    await registerMapping(sim.wiremock, {
      name: 'benchmark static stub',
      // Priority 1 and registered last, so WireMock checks it first (same priority: the newest mapping wins).
      priority: 1,
      request: { method: 'GET', urlPath: '/bench/static' },
      response: { status: 200, headers: { 'Content-Type': 'application/json' }, body },
    });
    // Ceilings, measured the same way: the cheapest Node server (node:http answering the same bytes, no model at all),
    // and WireMock proxying to it. No model on Node can beat the first, nor any model behind WireMock the second.
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(body);
    });
    constant = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const constantUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await registerMapping(sim.wiremock, {
      name: 'benchmark proxy to a bare Node server',
      priority: 1,
      request: { method: 'GET', urlPathPattern: '/bench/constant/.*' },
      response: { proxyBaseUrl: constantUrl },
    });
    const targets = {
      'model direct': `${platformUrl}${showPath}`,
      'model through WireMock': `${sim.wiremock.url}${showPath}`,
      'WireMock static stub': `${sim.wiremock.url}/bench/static`,
      'ceiling: bare Node server': `${constantUrl}/bench/constant/x`,
      'ceiling: WireMock proxy to bare Node': `${sim.wiremock.url}/bench/constant/x`,
    } as const;
    type Target = keyof typeof targets;
    const names = Object.keys(targets) as Target[];
    process.stderr.write(`warming up (${names.length} x 2 x 5 s)\n`);
    for (let i = 0; i < 2; i++)
      for (const n of names)
        await runWrk(targets[n], { seconds: 5, connections: CONNECTIONS, threads: 1, headers });
    const results = Object.fromEntries(names.map((n) => [n, [] as WrkResult[]])) as Record<
      Target,
      WrkResult[]
    >;
    for (let round = 0; round < ROUNDS; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]!);
      for (const n of order) {
        const r = await runWrk(targets[n], {
          seconds: SECONDS,
          connections: CONNECTIONS,
          threads: 1,
          headers,
        });
        if (r.non2xx > 0) throw new Error(`${n}: ${r.non2xx} answers were not 2xx`);
        results[n].push(r);
        process.stderr.write(
          `round ${round + 1}/${ROUNDS} ${n}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms\n`,
        );
      }
    }
    const stub = median(results['WireMock static stub'].map((r) => r.rps));
    const summary = names.map((n) => ({
      target: n,
      rps: Math.round(median(results[n].map((r) => r.rps))),
      p50Ms: median(results[n].map((r) => r.p50Ms)),
      p99Ms: median(results[n].map((r) => r.p99Ms)),
      ratioToStub: Number((median(results[n].map((r) => r.rps)) / stub).toFixed(2)),
    }));
    process.stderr.write(`measuring memory with ${COMMANDS} pending commands\n`);
    const mem = spawnSync(
      process.execPath,
      ['--expose-gc', path.join(ROOT, 'bench', 'simulator', 'memory.ts'), String(COMMANDS)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const memory =
      mem.status === 0 ? (JSON.parse(mem.stdout) as Record<string, number>) : { error: mem.stderr };
    const report = {
      when: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      settings: { rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, tool: 'wrk -t1' },
      summary,
      memory,
      raw: results,
    };
    mkdirSync(path.join(ROOT, 'reports', 'out'), { recursive: true });
    writeFileSync(
      path.join(ROOT, 'reports', 'out', 'bench-simulator.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    process.stdout.write(
      '| target | req/s (median) | p50 ms | p99 ms | ratio to static stub |\n|---|---|---|---|---|\n',
    );
    for (const s of summary)
      process.stdout.write(`| ${s.target} | ${s.rps} | ${s.p50Ms} | ${s.p99Ms} | ${s.ratioToStub} |\n`);
    process.stdout.write(`\nmemory: ${JSON.stringify(memory)}\n`);
  } finally {
    await new Promise<void>((resolve) => (constant ? constant.close(() => resolve()) : resolve()));
    await sim.stop();
  }
};

await main();
