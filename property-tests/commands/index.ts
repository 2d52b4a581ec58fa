// Builds the command class of a step spec: the one place a spec (generated, or read from a regression file) becomes code.
import { AdvanceClock } from './advance-clock.ts';
import { AdvanceToEvent } from './advance-to-event.ts';
import { Burst } from './burst.ts';
import { CancelAllEnos } from '../enos/cancel-all.ts';
import { CancelOneEnos } from '../enos/cancel-one.ts';
import { CreateEnos } from '../enos/create.ts';
import { CreateIotda } from '../iotda/create.ts';
import { CreateOceanConnect } from '../oceanconnect/create.ts';
import { DeviceBehaviourStep } from './device-behaviour.ts';
import { GetEnos } from '../enos/get.ts';
import { ListIotda } from '../iotda/list.ts';
import { ModifyCanceledOceanConnect } from '../oceanconnect/modify-canceled.ts';
import { QueryOceanConnect } from '../oceanconnect/query.ts';
import { RevokeOceanConnect } from '../oceanconnect/revoke.ts';
import { SearchEnos } from '../enos/search.ts';
import { SetOnline } from './set-online.ts';
import { ShowIotda } from '../iotda/show.ts';
import type { CallSpec, StepSpec } from './spec.ts';
import type { StepCommand } from './support.ts';

export type { StepCommand } from './support.ts';

export const commandOf = (s: StepSpec): StepCommand => {
  switch (s.kind) {
    case 'enos-create':
      return new CreateEnos(s);
    case 'enos-get':
      return new GetEnos(s);
    case 'enos-cancel':
      return new CancelOneEnos(s);
    case 'enos-cancel-all':
      return new CancelAllEnos(s);
    case 'enos-search':
      return new SearchEnos(s);
    case 'oc-create':
      return new CreateOceanConnect(s);
    case 'oc-modify':
      return new ModifyCanceledOceanConnect(s);
    case 'oc-revoke':
      return new RevokeOceanConnect(s);
    case 'oc-query':
      return new QueryOceanConnect(s);
    case 'iotda-create':
      return new CreateIotda(s);
    case 'iotda-show':
      return new ShowIotda(s);
    case 'iotda-list':
      return new ListIotda(s);
    case 'advance':
      return new AdvanceClock(s);
    case 'advance-to-event':
      return new AdvanceToEvent(s);
    case 'online':
      return new SetOnline(s);
    case 'behaviour':
      return new DeviceBehaviourStep(s);
    case 'burst':
      return new Burst(s, commandOf(s.of as CallSpec));
  }
};
