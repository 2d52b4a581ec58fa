// The planning simulator as its own process: builds the platform from the config in argv, prints its ready line, runs until its parent goes.
import { buildPlanPlatform, type PlanSimConfig } from './platform.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as PlanSimConfig;
const platform = buildPlanPlatform(config);
const url = await platform.listen(0);
process.stdout.write(`${JSON.stringify({ url, pid: process.pid })}\n`);
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
