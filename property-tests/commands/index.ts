// Builds the command class of a step spec: the one place a spec (generated, or read from a regression file) becomes code.
import { VENDORS } from '../../vendors/index.ts';
import { AdvanceClock } from './advance-clock.ts';
import { AdvanceToEvent } from './advance-to-event.ts';
import { Burst } from './burst.ts';
import { DeviceBehaviourStep } from './device-behaviour.ts';
import { SetOnline } from './set-online.ts';
import type { CallSpec, StepSpec } from './steps.ts';
import type { StepCommand } from './support.ts';

export type { StepCommand } from './support.ts';

/** The command of one vendor call: built by the vendor whose calls include its kind. */
const callCommandOf = (s: CallSpec): StepCommand => {
  const v = VENDORS.find((x) => x.props.calls.some((c) => c.shape.kind.value === s.kind));
  if (!v) throw new Error(`no registered vendor makes calls of kind ${s.kind}`);
  return (v.props.commandOf as (spec: CallSpec) => StepCommand)(s);
};

export const commandOf = (s: StepSpec): StepCommand => {
  switch (s.kind) {
    case 'advance':
      return new AdvanceClock(s);
    case 'advance-to-event':
      return new AdvanceToEvent(s);
    case 'online':
      return new SetOnline(s);
    case 'behaviour':
      return new DeviceBehaviourStep(s);
    case 'burst':
      return new Burst(s, callCommandOf(s.of));
    default:
      return callCommandOf(s);
  }
};
