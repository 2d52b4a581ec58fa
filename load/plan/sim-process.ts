// The planning simulator as its own process: builds the platform from the config in argv, serves HTTP on the Unix socket named there, prints its ready line, runs until its parent goes.
import { buildPlanPlatform, type PlanSimConfig } from './platform.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as PlanSimConfig;
const socketPath = process.argv[3];
if (!socketPath) throw new Error('sim-process: no socket path given');
const platform = buildPlanPlatform(config);
await platform.app.listen({ path: socketPath });
process.stdout.write(`${JSON.stringify({ socketPath, pid: process.pid })}\n`);
const stop = () => {
  platform.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
// Never outlive the drive: its end of stdin closes when it exits, whatever way it exits.
process.stdin.on('end', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
