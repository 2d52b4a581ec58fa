// The documented EnOS answers WireMock replays: each fixture with the request it answers and the pact interactions it stands for.
import { INTERACTIONS } from '../../contracts/enos/coverage.ts';
import type { EnosAction } from '../../contracts/enos/requests.ts';
import { ReplayCase, type ReplayCaseInput, fixtureAnswering } from '../replay/replay-case.ts';

/** WireMock `urlPathPattern`s (Java regex over the path). */
export const COMMANDS_PATTERN = '/connect-service/v2\\.1/commands';
export const TOKEN_PATTERN = '/apim-token-service/v2\\.0/token/get';

type Extra = Pick<ReplayCaseInput, 'isDefault' | 'interactions'>;

/** An answer of one action. Cancel answers any method: the vendor's own cancelCommand.py sends it as GET. */
const onAction = (action: EnosAction, fixture: string, extra: Extra = {}): ReplayCaseInput => ({
  fixture,
  method: action === 'cancel' ? 'ANY' : action === 'get' ? 'GET' : 'POST',
  urlPathPattern: COMMANDS_PATTERN,
  query: { action },
  ...extra,
});
/** A public code (99xxx): any action, any method. */
const anyAction = (fixture: string, extra: Extra = {}): ReplayCaseInput => ({
  fixture,
  method: 'ANY',
  urlPathPattern: COMMANDS_PATTERN,
  ...extra,
});
/** An error of the create actions (invokeService and setMeasurepoint, both POST). */
const onCreate = (fixture: string): ReplayCaseInput => ({
  fixture,
  method: 'POST',
  urlPathPattern: COMMANDS_PATTERN,
});
const onToken = (fixture: string, extra: Extra = {}): ReplayCaseInput => ({
  fixture,
  method: 'POST',
  urlPathPattern: TOKEN_PATTERN,
  ...extra,
});

export const REPLAY_CASES: readonly ReplayCase[] = [
  onAction('cancel', '200-cancel-one-by-device-key', {
    isDefault: true,
    interactions: [INTERACTIONS.cancelOneByAssetId, INTERACTIONS.cancelAllAsGet],
  }),
  onAction('cancel', '200-cancel-one-service-command', { interactions: [INTERACTIONS.cancelOneByDeviceKey] }),
  onAction('cancel', '200-cancel-all-by-asset-id', {
    interactions: [INTERACTIONS.cancelAllByAssetId, INTERACTIONS.cancelAllByDeviceKey],
  }),
  onAction('cancel', '200-cancel-all-none-cached', { interactions: [INTERACTIONS.cancelAllNoneCached] }),
  onAction('cancel', '200-cancel-one-by-device-key-seed-sample'),
  onAction('cancel', '200-cancel-all-by-device-key-seed-sample'),
  onAction('cancel', '200-11404-command-not-found', { interactions: [INTERACTIONS.cancel11404] }),
  onAction('cancel', '200-11905-not-created-state', { interactions: [INTERACTIONS.cancel11905] }),
  anyAction('200-99400-org-not-exist', { interactions: [INTERACTIONS.cancel99400] }),
  anyAction('200-99400-action-missing'),
  anyAction('200-99403-denied-resource'),
  anyAction('200-99404-not-found'),
  anyAction('200-99500-internal-server-error'),
  onAction('invokeService', '200-invoke-service-cached', {
    isDefault: true,
    interactions: [INTERACTIONS.invokeServiceCached],
  }),
  onAction('invokeService', '200-invoke-service-instant'),
  onAction('invokeService', '200-invoke-service-doc-sample'),
  onAction('setMeasurepoint', '200-set-measurepoint-doc-sample', {
    isDefault: true,
    interactions: [INTERACTIONS.setMeasurepointCached],
  }),
  onCreate('200-11900-device-offline'),
  onCreate('200-11902-cached-command-limit'),
  onCreate('200-11904-instant-command-timeout'),
  onCreate('200-11915-response-timeout'),
  onCreate('200-11810-custom-format-encode-failed'),
  onCreate('200-11888-device-not-activated'),
  onAction('get', '200-get-command', { isDefault: true }),
  onAction('get', '200-get-released-service-command', { interactions: [INTERACTIONS.getReleased] }),
  onAction('get', '200-get-command-doc-sample'),
  onAction('search', '200-search-command', { isDefault: true }),
  onAction('search', '200-search-created-first-page', { interactions: [INTERACTIONS.searchCreated] }),
  onAction('search', '200-search-command-doc-sample'),
  onAction('search', '200-search-command-doc-sample-2'),
  onToken('200-token-get', { isDefault: true, interactions: [INTERACTIONS.tokenGet] }),
  onToken('200-token-get-doc-sample'),
  onToken('200-token-1001-duplicated-encryption'),
  onToken('200-token-1002-app-key-not-exist'),
  onToken('200-token-1003-encryption-invalid'),
  onToken('200-token-1004-invalid-parameter'),
  onToken('200-token-1005-internal-exception'),
  onToken('200-token-1202-parameter-empty'),
  onToken('200-token-1203-token-expired'),
  onToken('200-token-1204-refresh-failed'),
].map((c) => ReplayCase.parse(c));

/** The fixture that answers a pact interaction in replay mode (the X-Harness-Case marker the verifier adds). */
export const fixtureFor = (description: string): string | undefined =>
  fixtureAnswering(REPLAY_CASES, description);
