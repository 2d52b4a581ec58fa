// The OceanConnect rows of the contract coverage table: each documented case of each endpoint and the interaction that pins it.
import type { CoverageRow } from '../common/coverage.ts';

import { OC_PATHS, PACT_PROVIDER } from './constraints.ts';

/** Interaction descriptions, unique within the pact; the consumer test and the coverage table both use these. */
export const OC_INTERACTIONS = {
  login: 'a login with appId and secret',
  revokeSeveralPending: 'a revocation task for a device with two pending commands',
  revokeNonePending: 'a revocation task for a device with no pending command',
  revokeAppNotExisted200: 'a revocation task for a missing application, answered with HTTP 200',
  revokeAppNotAuthorized200:
    'a revocation task for an application that has not authorised ours, answered with HTTP 200',
  revokeDeviceUnknown: 'a revocation task for an unknown device',
  revokeInputInvalid: 'a revocation task with a 65-character deviceId',
  revokeAppNotExisted403: 'a revocation task for a missing application, answered with HTTP 403',
  revokeAppNotAuthorized403:
    'a revocation task for an application that has not authorised ours, answered with HTTP 403',
  revokeThrottled: 'a revocation task while the application throttle window is exhausted',
  revokeTokenInvalid: 'a revocation task with a superseded access token',
  revokeInternalError: 'a revocation task while the platform has an internal error',
  revokeAppKeyMissing: 'a revocation task without the app_key header',
  revokeCongestion: 'a revocation task while the network is flow-controlled',
  createCommand: 'a command created for a device',
  createCommandLimit: 'a command created for a device whose pending queue is full',
  queryCommands: 'a query of the commands of a device',
  cancelCommand: 'a pending command modified to CANCELED',
  queryRevocationTasks: 'a query of the revocation tasks of a device',
} as const;

const I = OC_INTERACTIONS;
const provider = PACT_PROVIDER;
const LOGIN = `POST ${OC_PATHS.login}`;
const REVOKE = `POST ${OC_PATHS.deviceCommandCancelTasks}`;
const QUERY_TASKS = `GET ${OC_PATHS.deviceCommandCancelTasks}`;
const CREATE = `POST ${OC_PATHS.deviceCommands}`;
const QUERY = `GET ${OC_PATHS.deviceCommands}`;
const MODIFY = `PUT ${OC_PATHS.deviceCommands}/{deviceCommandId}`;

const row = (endpoint: string, testCase: string, interaction: string): CoverageRow => ({
  provider,
  endpoint,
  case: testCase,
  interaction,
});

export const COVERAGE: CoverageRow[] = [
  row(LOGIN, '200 token issued', I.login),
  row(REVOKE, '201 several pending commands revoked (WAITTING, PENDDING)', I.revokeSeveralPending),
  row(REVOKE, '201 no pending command (totalCount 0, empty list)', I.revokeNonePending),
  row(REVOKE, '200 100203 application not existed', I.revokeAppNotExisted200),
  row(REVOKE, '200 100217 application not authorized', I.revokeAppNotAuthorized200),
  row(REVOKE, '200 100418 device data not existed', I.revokeDeviceUnknown),
  row(REVOKE, '400 100022 input invalid', I.revokeInputInvalid),
  row(REVOKE, '403 100203 application not existed', I.revokeAppNotExisted403),
  row(REVOKE, '403 100217 application not authorized', I.revokeAppNotAuthorized403),
  row(REVOKE, '403 1010009 throttled', I.revokeThrottled),
  row(REVOKE, '403 1010005 access token invalid', I.revokeTokenInvalid),
  row(REVOKE, '500 100001 internal server error', I.revokeInternalError),
  row(REVOKE, '500 100220 app_key header missing', I.revokeAppKeyMissing),
  row(REVOKE, '503 100501 congestion', I.revokeCongestion),
  row(QUERY_TASKS, '200 tasks of a device', I.queryRevocationTasks),
  row(CREATE, '201 command cached (PENDING)', I.createCommand),
  row(CREATE, '400 100223 pending limit reached', I.createCommandLimit),
  row(QUERY, '200 commands of a device', I.queryCommands),
  row(MODIFY, '200 PENDING command canceled', I.cancelCommand),
];
