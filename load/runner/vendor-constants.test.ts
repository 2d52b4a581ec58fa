// The wire facts the k6 scripts carry as plain constants agree with the contracts and the simulators they load.
import { describe, expect, it } from 'vitest';
import { COMMANDS_PATH, TOKEN_PATH } from '../../contracts/enos/requests.ts';
import { OC_PATHS } from '../../contracts/oceanconnect/constraints.ts';
import { errorBodyOf, findDocumentedError } from '../../contracts/oceanconnect/errors.ts';
import { ENOS_THROTTLE_CODE } from '../../simulators/enos/answers.ts';
import * as k6Enos from '../scripts/enos/constants.ts';
import * as k6Side from '../scripts/oceanconnect/constants.ts';

describe('constants of the k6 scripts', () => {
  it('carry the documented 403 1010009 body byte for byte', () => {
    const row = findDocumentedError(403, '1010009');
    expect(row).toBeDefined();
    expect(k6Side.OC_THROTTLED_BODY).toBe(JSON.stringify(errorBodyOf(row!)));
    expect(k6Side.OC_THROTTLED_CODE).toBe('1010009');
  });

  it('call the contracts paths', () => {
    expect(k6Side.OC_LOGIN_PATH).toBe(OC_PATHS.login);
    expect(k6Side.OC_CANCEL_TASKS_PATH).toBe(OC_PATHS.deviceCommandCancelTasks);
    expect(`${k6Side.OC_COMMAND_PATH}abc`).toBe(OC_PATHS.deviceCommand('abc'));
    expect(k6Enos.ENOS_COMMANDS_PATH).toBe(COMMANDS_PATH);
    expect(k6Enos.ENOS_TOKEN_PATH).toBe(TOKEN_PATH);
    expect(k6Enos.ENOS_THROTTLED_CODE).toBe(ENOS_THROTTLE_CODE);
  });
});
