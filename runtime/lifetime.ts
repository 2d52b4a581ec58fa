// How a harness process ends: SIGINT, SIGTERM, SIGHUP or the end of the process that started it become one stop request, passed on to everything the run started, with a deadline and an exit code that says why.
import { terminateAllNow, trackedCount } from '../simulators/wiremock/processes.ts';
import { ancestorsOf, goneAncestor } from './ancestry.ts';
import { childrenLeft, signalChildren } from './children.ts';
import { EXIT_CODE_OF, STOP_SIGNALS, type StopRequest, type StopSignal } from './stop-signals.ts';

export type LifetimeOptions = {
  /** Keep running when the process that started the harness (or one above it) ends. */
  detached: boolean;
  /** Wall ms from the stop request until whatever still runs is killed and the process exits. */
  graceMs?: number;
  /** Wall ms after passing the signal on before child processes and JVMs that have not ended are killed. */
  escalateMs?: number;
  /** How often the orphan watch looks at the processes above this one. */
  pollMs?: number;
};

export type Lifetime = {
  /** Aborted, with the StopRequest as its reason, on the first stop request. */
  readonly signal: AbortSignal;
  request(): StopRequest | undefined;
  /**
   * The command has returned `code`. Without a stop request the watch ends and the process ends as usual. After one,
   * waits (within the deadline) for the children to go, then exits: with 0 if the command stopped cleanly, else with
   * the stop signal's code.
   */
  finish(code: number): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const watchLifetime = (opts: LifetimeOptions): Lifetime => {
  const graceMs = opts.graceMs ?? 3_500;
  const escalateMs = opts.escalateMs ?? 2_000;
  const controller = new AbortController();
  let request: StopRequest | undefined;
  let deadline = 0;

  const forceExit = (code: number): never => {
    signalChildren('SIGKILL');
    terminateAllNow('SIGKILL');
    process.exit(code);
  };

  const stop = (r: StopRequest): void => {
    if (request) return;
    request = r;
    deadline = Date.now() + graceMs;
    // A client's command may ignore SIGHUP (nohup): an orphaned run asks its children to terminate.
    const passOn = r.why.startsWith('orphaned') ? 'SIGTERM' : r.signal;
    signalChildren(passOn);
    terminateAllNow('SIGTERM');
    // A stop does not need WireMock's graceful shutdown, which can take seconds on a loaded machine.
    setTimeout(() => {
      signalChildren('SIGKILL');
      terminateAllNow('SIGKILL');
    }, escalateMs).unref();
    setTimeout(() => forceExit(EXIT_CODE_OF[r.signal]), graceMs);
    controller.abort(r);
  };

  const onSignal = (signal: NodeJS.Signals): void =>
    stop({ signal: signal as StopSignal, why: `${signal} received` });
  for (const s of STOP_SIGNALS) process.on(s, onSignal);

  let watch: NodeJS.Timeout | undefined;
  if (!opts.detached) {
    const chain = ancestorsOf();
    const firstParent = process.ppid;
    watch = setInterval(() => {
      const gone = chain.length
        ? goneAncestor(chain)
        : process.ppid !== firstParent
          ? { pid: firstParent }
          : undefined;
      if (gone)
        stop({ signal: 'SIGHUP', why: `orphaned: process ${gone.pid}, which started this run, has ended` });
    }, opts.pollMs ?? 250);
    watch.unref();
  }

  return {
    signal: controller.signal,
    request: () => request,
    finish: async (code) => {
      if (watch) clearInterval(watch);
      if (!request) {
        for (const s of STOP_SIGNALS) process.off(s, onSignal);
        process.exitCode = code;
        return;
      }
      const left = () => childrenLeft() + trackedCount();
      while (left() > 0 && Date.now() < deadline) await sleep(50);
      const exitCode = code === 0 ? 0 : EXIT_CODE_OF[request.signal];
      if (left() > 0) forceExit(exitCode);
      process.exit(exitCode);
    },
  };
};
