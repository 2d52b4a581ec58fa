// The documented IoTDA answers WireMock replays: each answer fixture with the request it answers and the pact interactions it covers.
import { INTERACTIONS } from '../../contracts/iotda/coverage.ts';
import { ReplayCase, type ReplayCaseInput, fixtureAnswering } from '../replay/replay-case.ts';

/** WireMock path patterns (Java regexes over the whole path), with the contract's id rules. */
const DEVICE = '/v5/iot/[A-Za-z0-9_-]{1,64}/devices/[A-Za-z0-9_-]{1,128}';
export const SHOW_PATH = `${DEVICE}/async-commands/[A-Za-z0-9_-]{1,100}`;
export const COLLECTION_PATH = `${DEVICE}/async-commands`;
export const HISTORY_PATH = `${DEVICE}/async-commands-history`;
/** Error answers documented for every endpoint. */
export const ANY_ENDPOINT_PATH = `${DEVICE}/async-commands(-history|/[A-Za-z0-9_-]{1,100})?`;

const show = (fixture: string, interactions: string[] = [], isDefault = false): ReplayCaseInput => ({
  fixture,
  method: 'GET',
  urlPathPattern: SHOW_PATH,
  isDefault,
  interactions,
});

export const REPLAY_CASE_INPUTS: readonly ReplayCaseInput[] = [
  // GET async-commands/{command_id} (the seed): its own sample is the default answer.
  show('200-show-delivered-seed-sample', [], true),
  show('200-show-pending', [INTERACTIONS.showPending]),
  show('200-show-pending-null-times-variant'),
  show('200-show-expired', [INTERACTIONS.showExpired]),
  show('200-show-sent', [INTERACTIONS.showSent, INTERACTIONS.showSentAksk]),
  show('200-show-delivered', [INTERACTIONS.showDelivered]),
  show('200-show-successful', [INTERACTIONS.showSuccessful]),
  show('200-show-failed', [INTERACTIONS.showFailed]),
  show('200-show-timeout', [INTERACTIONS.showTimeout]),
  show('200-iotda-014111-command-timed-out', [INTERACTIONS.show200Error]),
  // POST async-commands
  {
    fixture: '200-create-delay-pending',
    method: 'POST',
    urlPathPattern: COLLECTION_PATH,
    isDefault: true,
    interactions: [INTERACTIONS.createDelay, INTERACTIONS.createDelayAksk],
  },
  {
    fixture: '200-create-immediately-sent',
    method: 'POST',
    urlPathPattern: COLLECTION_PATH,
    interactions: [INTERACTIONS.createImmediately],
  },
  {
    fixture: '403-iotda-014016-device-offline',
    method: 'POST',
    urlPathPattern: COLLECTION_PATH,
    interactions: [INTERACTIONS.createOffline],
  },
  // GET async-commands (the queue)
  {
    fixture: '200-list-queued',
    method: 'GET',
    urlPathPattern: COLLECTION_PATH,
    isDefault: true,
    interactions: [INTERACTIONS.listQueued],
  },
  { fixture: '200-list-queued-empty', method: 'GET', urlPathPattern: COLLECTION_PATH },
  // GET async-commands-history
  {
    fixture: '200-list-history',
    method: 'GET',
    urlPathPattern: HISTORY_PATH,
    isDefault: true,
    interactions: [INTERACTIONS.listHistory],
  },
  { fixture: '200-list-history-count-and-paras-variant', method: 'GET', urlPathPattern: HISTORY_PATH },
  // Errors documented for every endpoint: any method, any of the four paths.
  ...(
    [
      ['400-iotda-000006-invalid-input', INTERACTIONS.show400],
      ['401-iotda-000002-authentication-failed', INTERACTIONS.show401],
      ['403-iotda-001000-application-missing', INTERACTIONS.show403],
      ['404-iotda-014000-device-not-found', INTERACTIONS.show404],
      ['429-apig-0308-throttled', INTERACTIONS.show429],
      ['500-iotda-000001-internal-error', INTERACTIONS.show500],
    ] as const
  ).map(
    ([fixture, interaction]): ReplayCaseInput => ({
      fixture,
      method: 'ANY',
      urlPathPattern: ANY_ENDPOINT_PATH,
      interactions: [interaction],
    }),
  ),
];

export const REPLAY_CASES: readonly ReplayCase[] = REPLAY_CASE_INPUTS.map((c) => ReplayCase.parse(c));

/** The fixture (without `.json`) answering a pact interaction in replay mode: what provider verification marks. */
export const fixtureFor = (description: string): string | undefined =>
  fixtureAnswering(REPLAY_CASES, description);
