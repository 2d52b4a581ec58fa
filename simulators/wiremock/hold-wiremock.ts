// A helper process for the clean-up tests: starts an embedded WireMock, prints its handle as JSON, then waits.
import { launchWireMock } from './launcher.ts';

// `--no-watchdog` leaves only the in-process exit and signal hooks, so a test can prove those alone suffice.
const handle = await launchWireMock({
  stopGraceMs: 2_000,
  watchdog: !process.argv.includes('--no-watchdog'),
});
process.stdout.write(`${JSON.stringify({ pid: handle.pid, rootDir: handle.rootDir, url: handle.url })}\n`);
// Stay up until a signal arrives; the tests decide how this process dies.
setInterval(() => {}, 1 << 30);
