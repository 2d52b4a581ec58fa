// The EnOS rows of the contract coverage table: each documented case and the pact interaction that pins it.
import { PACT_PROVIDER } from './constraints.ts';
import type { CoverageRow } from '../common/coverage.ts';

const CANCEL = 'POST /connect-service/v2.1/commands?action=cancel';
const CANCEL_GET = 'GET /connect-service/v2.1/commands?action=cancel';
const INVOKE = 'POST /connect-service/v2.1/commands?action=invokeService';
const SET_MP = 'POST /connect-service/v2.1/commands?action=setMeasurepoint';
const GET = 'GET /connect-service/v2.1/commands?action=get';
const SEARCH = 'POST /connect-service/v2.1/commands?action=search';
const TOKEN = 'POST /apim-token-service/v2.0/token/get';

/** Interaction descriptions, shared by the consumer test and the coverage table so they cannot drift apart. */
export const INTERACTIONS = {
  cancelOneByAssetId: 'enos cancel: one cached command by assetId',
  cancelOneByDeviceKey: 'enos cancel: one cached command by productKey+deviceKey',
  cancelAllByAssetId: 'enos cancel: all cached commands by assetId',
  cancelAllByDeviceKey: 'enos cancel: all cached commands by productKey+deviceKey',
  cancelAllNoneCached: 'enos cancel: all cached commands of a device with none cached',
  cancelAllAsGet: 'enos cancel: all cached commands sent as GET without body (cancelCommand.py)',
  cancel11404: 'enos cancel: unknown commandId gives 11404 with HTTP 200',
  cancel11905: 'enos cancel: command not in Created state gives 11905 with HTTP 200',
  cancel99400: 'enos cancel: unknown orgId gives 99400 with HTTP 200',
  invokeServiceCached: 'enos invokeService: cached with pendingTtl',
  setMeasurepointCached: 'enos setMeasurepoint: cached with pendingTtl',
  getReleased: 'enos get: one command in state 4 Released',
  searchCreated: 'enos search: commands in state 1 Created, first page',
  tokenGet: 'enos token: get an access token',
} as const;

const row = (endpoint: string, caseName: string, interaction: string): CoverageRow => ({
  provider: PACT_PROVIDER,
  endpoint,
  case: caseName,
  interaction,
});

export const COVERAGE: CoverageRow[] = [
  row(CANCEL, '200 cancel one by assetId', INTERACTIONS.cancelOneByAssetId),
  row(CANCEL, '200 cancel one by productKey+deviceKey', INTERACTIONS.cancelOneByDeviceKey),
  row(CANCEL, '200 cancel-all by assetId', INTERACTIONS.cancelAllByAssetId),
  row(CANCEL, '200 cancel-all by productKey+deviceKey', INTERACTIONS.cancelAllByDeviceKey),
  row(CANCEL, '200 cancel-all with none cached (empty array)', INTERACTIONS.cancelAllNoneCached),
  row(CANCEL_GET, '200 cancel-all sent as GET (vendor sample cancelCommand.py)', INTERACTIONS.cancelAllAsGet),
  row(CANCEL, '200 11404 Command not found', INTERACTIONS.cancel11404),
  row(CANCEL, '200 11905 Cache message cancel error, not created state', INTERACTIONS.cancel11905),
  row(CANCEL, '200 99400 invalid parameter (orgId does not exist)', INTERACTIONS.cancel99400),
  row(INVOKE, '200 cached command created (pendingTtl > 0)', INTERACTIONS.invokeServiceCached),
  row(SET_MP, '200 cached command created (pendingTtl > 0)', INTERACTIONS.setMeasurepointCached),
  row(GET, '200 one command (state 4 Released -> SENT)', INTERACTIONS.getReleased),
  row(SEARCH, '200 commands with pagination', INTERACTIONS.searchCreated),
  row(TOKEN, '200 status 0 with accessToken and expire', INTERACTIONS.tokenGet),
];
