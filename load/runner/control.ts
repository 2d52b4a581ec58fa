// The load runner's calls to a simulator's control API: one ControlClient per call, its Problem turned into an Outcome of a stage.
import { renderProblem } from '../../contracts/common/problem.ts';
import { ControlClient, type ControlResult } from '../../contracts/control/client.ts';
import { type Outcome, done, refused } from './outcome.ts';

/** Runs one control call against `controlUrl`; a refusal or transport failure becomes a problem of `stage`. */
export const viaControl = async <T>(
  controlUrl: string,
  stage: string,
  call: (control: ControlClient) => Promise<ControlResult<T>>,
): Promise<Outcome<T>> => {
  const control = new ControlClient(controlUrl);
  try {
    const r = await call(control);
    return r.ok ? done(r.value) : refused(stage, renderProblem(r.problem));
  } finally {
    await control.close();
  }
};
