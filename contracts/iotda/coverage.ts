// The IoTDA rows of the contract coverage table: each documented case and the pact interaction that pins it.
import { PACT_PROVIDER } from './constraints.ts';
import type { CoverageRow } from '../common/coverage.ts';

const DEVICE = '/v5/iot/{project_id}/devices/{device_id}';
export const ENDPOINT_LABELS = {
  show: `GET ${DEVICE}/async-commands/{command_id}`,
  create: `POST ${DEVICE}/async-commands`,
  listQueued: `GET ${DEVICE}/async-commands`,
  listHistory: `GET ${DEVICE}/async-commands-history`,
} as const;

/** Interaction descriptions, shared by the consumer test and the coverage table so they cannot drift apart. */
export const INTERACTIONS = {
  showPending: 'iotda show async command: PENDING',
  showExpired: 'iotda show async command: EXPIRED',
  showSent: 'iotda show async command: SENT',
  showDelivered: 'iotda show async command: DELIVERED',
  showSuccessful: 'iotda show async command: SUCCESSFUL with result',
  showFailed: 'iotda show async command: FAILED with result',
  showTimeout: 'iotda show async command: TIMEOUT',
  showSentAksk: 'iotda show async command: SENT, request signed with AK/SK',
  show400: 'iotda show async command: 400 IOTDA.000006 invalid input',
  show401: 'iotda show async command: 401 IOTDA.000002 authentication failed',
  show403: 'iotda show async command: 403 IOTDA.001000 application does not exist',
  show404: 'iotda show async command: 404 IOTDA.014000 device does not exist',
  show500: 'iotda show async command: 500 IOTDA.000001 internal server error',
  show200Error: 'iotda show async command: IOTDA.014111 command timed out, with HTTP 200',
  show429: 'iotda show async command: 429 APIG.0308 throttled by the API gateway',
  createDelay: 'iotda create async command: delay gives 200 PENDING',
  createImmediately: 'iotda create async command: immediately gives 200 SENT',
  createDelayAksk: 'iotda create async command: delay gives 200 PENDING, request signed with AK/SK',
  createOffline: 'iotda create async command: immediately to an offline device gives 403 IOTDA.014016',
  listQueued: 'iotda list queued async commands: PENDING and SENT, first page',
  listHistory: 'iotda list async command history: SUCCESSFUL and EXPIRED, first page',
} as const;

const row = (endpoint: string, caseName: string, interaction: string): CoverageRow => ({
  provider: PACT_PROVIDER,
  endpoint,
  case: caseName,
  interaction,
});

const { show, create, listQueued, listHistory } = ENDPOINT_LABELS;

export const COVERAGE: CoverageRow[] = [
  row(show, '200 PENDING (X-Auth-Token)', INTERACTIONS.showPending),
  row(show, '200 EXPIRED', INTERACTIONS.showExpired),
  row(show, '200 SENT', INTERACTIONS.showSent),
  row(show, '200 DELIVERED', INTERACTIONS.showDelivered),
  row(show, '200 SUCCESSFUL with result', INTERACTIONS.showSuccessful),
  row(show, '200 FAILED with result', INTERACTIONS.showFailed),
  row(show, '200 TIMEOUT', INTERACTIONS.showTimeout),
  row(show, '200 SENT (AK/SK SDK-HMAC-SHA256 signature)', INTERACTIONS.showSentAksk),
  row(show, '400 IOTDA.000006 Invalid input data.', INTERACTIONS.show400),
  row(show, '401 IOTDA.000002 Authentication failed.', INTERACTIONS.show401),
  row(show, '403 IOTDA.001000 The application does not exist.', INTERACTIONS.show403),
  row(show, '404 IOTDA.014000 The device does not exist. (unverified)', INTERACTIONS.show404),
  row(show, '500 IOTDA.000001 Internal server error.', INTERACTIONS.show500),
  row(show, '200 IOTDA.014111 command timed out (error with HTTP 200)', INTERACTIONS.show200Error),
  row(show, '429 APIG.0308 gateway throttle (status unverified)', INTERACTIONS.show429),
  row(create, '200 PENDING for send_strategy delay', INTERACTIONS.createDelay),
  row(create, '200 SENT for send_strategy immediately', INTERACTIONS.createImmediately),
  row(create, '200 PENDING for delay (AK/SK signature over a JSON body)', INTERACTIONS.createDelayAksk),
  row(create, '403 IOTDA.014016 device not online (immediately)', INTERACTIONS.createOffline),
  row(listQueued, '200 commands + page {count, marker}', INTERACTIONS.listQueued),
  row(listHistory, '200 commands + page {marker}', INTERACTIONS.listHistory),
];
