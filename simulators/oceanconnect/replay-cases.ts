// The OceanConnect fixtures WireMock replays: each answer fixture with the request it answers and the pact interactions it serves.
import { OC_INTERACTIONS as I } from '../../contracts/oceanconnect/coverage.ts';
import { OC_ERRORS, errorFixtureName } from '../../contracts/oceanconnect/errors.ts';
import { ReplayCase, type ReplayCaseInput, fixtureAnswering } from '../replay/replay-case.ts';

const esc = (path: string): string => path.replace(/\./g, '\\.');
const CMD = esc('/iocm/app/cmd/v1.4.0');
const LOGIN = esc('/iocm/app/sec/v1.1.0/login');
const COMMANDS = `${CMD}/deviceCommands`;
const COMMAND = `${CMD}/deviceCommands/[^/]+`;
const TASKS = `${CMD}/deviceCommandCancelTasks`;
/** Every command API: the error rows are documented (or assumed) on all of them. */
const ANY_COMMAND_API = `${CMD}/(deviceCommands(/[^/]+)?|deviceCommandCancelTasks)`;

const fixtureOf = (httpStatus: number, code: string): string => {
  const row = OC_ERRORS.find((e) => e.httpStatus === httpStatus && e.code === code);
  if (!row) throw new Error(`no documented error ${httpStatus} ${code}`);
  return errorFixtureName(row).replace(/\.json$/, '');
};

/** The pact interactions each error fixture answers (all of them on the revocation API, the seed). */
const ERROR_INTERACTIONS: Record<string, string[]> = {
  [fixtureOf(200, '100203')]: [I.revokeAppNotExisted200],
  [fixtureOf(200, '100217')]: [I.revokeAppNotAuthorized200],
  [fixtureOf(200, '100418')]: [I.revokeDeviceUnknown],
  [fixtureOf(400, '100022')]: [I.revokeInputInvalid],
  [fixtureOf(403, '100203')]: [I.revokeAppNotExisted403],
  [fixtureOf(403, '100217')]: [I.revokeAppNotAuthorized403],
  [fixtureOf(403, '1010009')]: [I.revokeThrottled],
  [fixtureOf(403, '1010005')]: [I.revokeTokenInvalid],
  [fixtureOf(500, '100001')]: [I.revokeInternalError],
  [fixtureOf(500, '100220')]: [I.revokeAppKeyMissing],
  [fixtureOf(503, '100501')]: [I.revokeCongestion],
  [fixtureOf(400, '100223')]: [I.createCommandLimit],
};

const successCases: ReplayCaseInput[] = [
  { fixture: '200-login', method: 'POST', urlPathPattern: LOGIN, isDefault: true, interactions: [I.login] },
  {
    fixture: '201-create-command',
    method: 'POST',
    urlPathPattern: COMMANDS,
    isDefault: true,
    interactions: [I.createCommand],
  },
  {
    fixture: '200-query-commands',
    method: 'GET',
    urlPathPattern: COMMANDS,
    isDefault: true,
    interactions: [I.queryCommands],
  },
  {
    fixture: '200-modify-command-canceled',
    method: 'PUT',
    urlPathPattern: COMMAND,
    isDefault: true,
    interactions: [I.cancelCommand],
  },
  {
    fixture: '201-revocation-task',
    method: 'POST',
    urlPathPattern: TASKS,
    isDefault: true,
    interactions: [I.revokeSeveralPending],
  },
  {
    fixture: '201-revocation-task-none-pending',
    method: 'POST',
    urlPathPattern: TASKS,
    interactions: [I.revokeNonePending],
  },
  /** The seed's own sample, verbatim but for the quoted `******` placeholder: for clients that want the page's bytes. */
  { fixture: '201-revocation-task-seed-sample', method: 'POST', urlPathPattern: TASKS },
  {
    fixture: '200-query-revocation-tasks',
    method: 'GET',
    urlPathPattern: TASKS,
    isDefault: true,
    interactions: [I.queryRevocationTasks],
  },
  /** The flat page shape a tolerant reader must also accept. */
  { fixture: '200-query-revocation-tasks-flat-variant', method: 'GET', urlPathPattern: TASKS },
];

const errorCases: ReplayCaseInput[] = OC_ERRORS.map((row) => {
  const fixture = errorFixtureName(row).replace(/\.json$/, '');
  return row.code === '100223'
    ? { fixture, method: 'POST', urlPathPattern: COMMANDS, interactions: ERROR_INTERACTIONS[fixture] ?? [] }
    : {
        fixture,
        method: 'ANY',
        urlPathPattern: ANY_COMMAND_API,
        interactions: ERROR_INTERACTIONS[fixture] ?? [],
      };
});

/** Every answer fixture of contracts/oceanconnect/fixtures (the request sample is not an answer), parsed. */
export const REPLAY_CASES: readonly ReplayCase[] = [...successCases, ...errorCases].map((c) =>
  ReplayCase.parse(c),
);

/** The fixture answering a pact interaction in replay mode (exactly one per interaction, checked by a test). */
export const fixtureFor = (description: string): string | undefined =>
  fixtureAnswering(REPLAY_CASES, description);
