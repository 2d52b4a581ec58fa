// The exception every WireMock launcher and mapping helper throws: a Problem as data, worded by renderProblem.
import { type Problem, renderProblem } from '../../contracts/common/problem.ts';

type SimulatorProblem = Extract<Problem, { kind: 'simulator' }>;

export class SimulatorError extends Error {
  readonly problem: SimulatorProblem;

  constructor(problem: SimulatorProblem) {
    super(renderProblem(problem));
    this.name = 'SimulatorError';
    this.problem = problem;
  }
}

/** Builds the Problem for a WireMock failure; `output` carries the last lines the process or server printed. */
export const wireMockProblem = (reason: string, message: string, output?: string): SimulatorProblem => ({
  kind: 'simulator',
  component: 'wiremock',
  reason,
  message,
  ...(output ? { output } : {}),
});

/** Keeps only the last `max` characters of a process's output, so a chatty JVM cannot grow memory. */
export class OutputTail {
  private text = '';
  private readonly max: number;

  constructor(max = 16_384) {
    this.max = max;
  }

  push(chunk: Buffer | string): void {
    this.text += chunk.toString();
    if (this.text.length > this.max) this.text = this.text.slice(-this.max);
  }

  toString(): string {
    return this.text;
  }
}
