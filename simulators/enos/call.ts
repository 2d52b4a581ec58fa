// One EnOS command call from request to answer: one value per query name, apim auth, throttle, action, method, then the action.
import { ENDPOINTS, EnosAction } from '../../contracts/enos/requests.ts';
import { ACTIONS } from './actions.ts';
import { type Answer, type EnosFailure, failureAnswer, okAnswer } from './answers.ts';
import { admit } from './admission.ts';
import type { Core } from './core.ts';

export type CommandCall = {
  method: string;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as received ('' when none): what apim-signature covers. */
  rawBody: string;
  body: unknown;
  /** The call's platform time (the platform stamps it once: the throttle and the journal share it). */
  callTime: () => number;
};

/**
 * The order of checks follows the gateway-then-service path: the admission (admission.ts: a repeated query name, the
 * apim-* headers, the application's throttle), then `action` (missing or unknown 99400, a method the action does not
 * take 99400), then the action's own checks (query, body, orgId, device).
 */
export const handleCommandCall = (core: Core, call: CommandCall): Answer => {
  const requestId = core.nextRequestId();
  const refuse = (f: EnosFailure) => failureAnswer(requestId, f);
  const admitted = admit(core, call);
  if (!admitted.ok) return refuse(admitted.failure);
  const { query, appKey } = admitted;
  const { action: actionText, ...rest } = query;
  if (actionText === undefined || actionText === '') return refuse({ kind: 'action-missing' });
  const action = EnosAction.safeParse(actionText);
  if (!action.success)
    return refuse({
      kind: 'invalid-argument',
      field: 'action',
      reason: `action ${actionText} is not supported`,
    });
  const accepted: readonly string[] = ENDPOINTS[action.data].acceptedMethods;
  if (!accepted.includes(call.method))
    return refuse({
      kind: 'invalid-argument',
      field: 'action',
      reason: `${action.data} is called with ${accepted.join(' or ')}, not ${call.method}`,
    });
  const result = ACTIONS[action.data](core, { query: rest, body: call.body, appKey });
  if (!result.ok) return refuse(result.failure);
  const answer = okAnswer(requestId, result.data, result.extra);
  return result.instant ? { ...answer, instant: result.instant } : answer;
};
