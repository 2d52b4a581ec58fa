// `harness sim`: starts the simulators, prints the ready line (and writes it to --ready-file), runs until the run is asked to stop.
import { writeFileSync } from 'node:fs';
import { renderProblem } from '../../contracts/common/problem.ts';
import type { WireMockHandle } from '../../simulators/wiremock/launcher.ts';
import { defaultContext } from '../context.ts';
import type { SubcommandRun } from '../subcommands.ts';
import { simOptionsFrom } from './sim-options.ts';

export const run: SubcommandRun = async ({ options, context = defaultContext() }) => {
  const parsed = simOptionsFrom(options);
  if (!parsed.ok) {
    process.stderr.write(`harness sim: ${parsed.message}\n`);
    return 2;
  }
  // The JVM takes longest to start: spawn it before Node loads the simulator's modules (about 1-3 s here), so the two
  // overlap. Only the plain embedded front door is started this way (https needs its certificates first).
  const { wiremock = {}, https, clientCaFile } = parsed.options;
  let prelaunched: Promise<WireMockHandle> | undefined;
  if ((wiremock.launcher ?? 'embedded') === 'embedded' && !https && !clientCaFile) {
    const [{ launchWireMock }, { frontDoorOptions }] = await Promise.all([
      import('../../simulators/wiremock/launcher.ts'),
      import('../../simulators/front-door-options.ts'),
    ]);
    prelaunched = launchWireMock(frontDoorOptions(wiremock, undefined));
    // Its failure is reported by startSimulators, which awaits it.
    prelaunched.catch(() => {});
  }
  const { startSimulators } = await import('../../simulators/sim.ts');
  const { SimulatorError } = await import('../../simulators/wiremock/errors.ts');
  let sim: Awaited<ReturnType<typeof startSimulators>>;
  try {
    sim = await startSimulators({ ...parsed.options, ...(prelaunched ? { prelaunched } : {}) });
  } catch (err) {
    // Stopped while starting: the stop itself says why, the launch failure it caused says nothing new.
    if (context.stop.aborted) return 0;
    process.stderr.write(
      `harness sim: ${err instanceof SimulatorError ? renderProblem(err.problem) : (err as Error).message}\n`,
    );
    return 1;
  }
  // The pid is this process's: a script can signal it directly, or whatever started it (see STOPPING).
  const line = JSON.stringify({ ...sim.info, pid: process.pid });
  process.stdout.write(`${line}\n`);
  if (parsed.readyFile) writeFileSync(parsed.readyFile, `${line}\n`);
  await new Promise<void>((resolve) => {
    if (context.stop.aborted) resolve();
    else context.stop.addEventListener('abort', () => resolve(), { once: true });
  });
  await sim.stop();
  return 0;
};
