// Strict schemas against tolerant readers of the OceanConnect contract, one test per documented variant.
import { describe, expect, it } from 'vitest';
import { DocumentedError, ErrorBody, ErrorBodyTolerant, findDocumentedError, OC_ERRORS } from './errors.ts';
import { fixture, readFixture } from './fixtures.ts';
import {
  CreateCommandBody,
  CreateRevocationTaskBody,
  ModifyCommandBody,
  QueryCommandsQuery,
  QueryRevocationTasksQuery,
} from './requests.ts';
import {
  DeviceCommandResp,
  DeviceCommandRespTolerant,
  QueryCommandsResponse,
  QueryCommandsResponseTolerant,
  QueryRevocationTasksResponse,
  QueryRevocationTasksResponseTolerant,
  RevocationTask,
  RevocationTaskTolerant,
} from './responses.ts';

const task = () => structuredClone(fixture('201-revocation-task.json', RevocationTask));
const created = () => structuredClone(fixture('201-create-command.json', DeviceCommandResp));

describe('revocation task: strict vs tolerant', () => {
  it('strict pins WAITTING and PENDDING', () => {
    const t = task();
    expect(RevocationTask.safeParse(t).success).toBe(true);
    expect(RevocationTask.safeParse({ ...t, status: 'WAITING' }).success).toBe(false);
    const pending = { ...t, deviceCommands: t.deviceCommands.map((c) => ({ ...c, status: 'PENDING' })) };
    expect(RevocationTask.safeParse(pending).success).toBe(false);
  });

  it('tolerant accepts the corrected spellings too (a vendor fix must not break the client)', () => {
    const t = task();
    const fixed = {
      ...t,
      status: 'WAITING',
      deviceCommands: t.deviceCommands.map((c) => ({ ...c, status: 'PENDING' })),
    };
    const read = RevocationTaskTolerant.parse(fixed);
    expect(read.status).toBe('WAITTING');
    expect(read.deviceCommands.map((c) => c.status)).toEqual(['PENDING', 'PENDING']);
    expect(RevocationTaskTolerant.parse(t).deviceCommands.map((c) => c.status)).toEqual([
      'PENDDING',
      'PENDDING',
    ]);
  });

  it('tolerant accepts a missing deviceCommands list as empty and extra fields; strict refuses both', () => {
    const { deviceCommands: _dropped, ...rest } = task();
    expect(RevocationTaskTolerant.parse(rest).deviceCommands).toEqual([]);
    expect(RevocationTask.safeParse(rest).success).toBe(false);
    expect(RevocationTask.safeParse({ ...task(), newField: 1 }).success).toBe(false);
    expect(RevocationTaskTolerant.safeParse({ ...task(), newField: 1 }).success).toBe(true);
  });

  it('both refuse an unknown command status and a malformed time', () => {
    const t = task();
    const unknown = { ...t, deviceCommands: [{ ...t.deviceCommands[0]!, status: 'REVOKED' }] };
    expect(RevocationTaskTolerant.safeParse(unknown).success).toBe(false);
    const badTime = {
      ...t,
      deviceCommands: [{ ...t.deviceCommands[0]!, creationTime: '2017-02-22T16:40:00Z' }],
    };
    expect(RevocationTask.safeParse(badTime).success).toBe(false);
    expect(RevocationTaskTolerant.safeParse(badTime).success).toBe(false);
  });
});

describe('DeviceCommandResp constraints', () => {
  it.each([
    ['maxRetransmit', 4],
    ['maxRetransmit', -1],
    ['expireTime', -1],
    ['issuedTimes', 1.5],
    ['commandId', 'x'.repeat(65)],
    ['commandId', ''],
    ['callbackUrl', `http://h/${'a'.repeat(1020)}`],
  ])('strict refuses %s = %j', (field, value) => {
    expect(DeviceCommandResp.safeParse({ ...created(), [field]: value }).success).toBe(false);
  });

  it('strict accepts the nulls of the seed sample (expireTime, issuedTimes, result, times)', () => {
    const c = {
      ...created(),
      expireTime: null,
      issuedTimes: null,
      result: null,
      executeTime: null,
      platformIssuedTime: null,
      deliveredTime: null,
    };
    expect(DeviceCommandResp.safeParse(c).success).toBe(true);
  });

  it('tolerant accepts absent optional fields and a null maxRetransmit; strict does not', () => {
    const { callbackUrl: _c, result: _r, executeTime: _e, ...rest } = created();
    const c = { ...rest, maxRetransmit: null };
    expect(DeviceCommandRespTolerant.safeParse(c).success).toBe(true);
    expect(DeviceCommandResp.safeParse(c).success).toBe(false);
  });

  it('command names: serviceId 1-64, method 1-128', () => {
    const c = created();
    const withCommand = (command: object) =>
      DeviceCommandResp.safeParse({ ...c, command: { ...c.command, ...command } });
    expect(withCommand({ serviceId: 's'.repeat(64) }).success).toBe(true);
    expect(withCommand({ serviceId: 's'.repeat(65) }).success).toBe(false);
    expect(withCommand({ method: 'm'.repeat(128) }).success).toBe(true);
    expect(withCommand({ method: 'm'.repeat(129) }).success).toBe(false);
  });
});

describe('pages: nested (strict) and flat (tolerant) forms', () => {
  it('the flat task page reads like the nested one', () => {
    const nested = readFixture('200-query-revocation-tasks.json');
    const flat = readFixture('200-query-revocation-tasks-flat-variant.json');
    expect(QueryRevocationTasksResponse.safeParse(flat).success).toBe(false);
    expect(QueryRevocationTasksResponseTolerant.parse(flat)).toEqual(
      QueryRevocationTasksResponseTolerant.parse(nested),
    );
  });

  it('the command page accepts the flat form when tolerant only', () => {
    const nested = fixture('200-query-commands.json', QueryCommandsResponse);
    const flat = { totalCount: 2, pageNo: 0, pageSize: 10, data: nested.data };
    expect(QueryCommandsResponse.safeParse(flat).success).toBe(false);
    expect(QueryCommandsResponseTolerant.parse(flat).pagination).toEqual(nested.pagination);
  });
});

describe('requests', () => {
  it('revocation body: deviceId 1-64 characters, nothing else', () => {
    expect(CreateRevocationTaskBody.safeParse({ deviceId: 'd'.repeat(64) }).success).toBe(true);
    expect(CreateRevocationTaskBody.safeParse({ deviceId: 'd'.repeat(65) }).success).toBe(false);
    expect(CreateRevocationTaskBody.safeParse({ deviceId: '' }).success).toBe(false);
    expect(CreateRevocationTaskBody.safeParse({}).success).toBe(false);
    expect(CreateRevocationTaskBody.safeParse({ deviceId: 'a b' }).success).toBe(false);
    expect(CreateRevocationTaskBody.safeParse({ deviceId: 'd', appId: 'x' }).success).toBe(false);
  });

  it('create command body: ranges of expireTime and maxRetransmit', () => {
    const body = { deviceId: 'd', command: { serviceId: 's', method: 'm', paras: {} } };
    expect(CreateCommandBody.safeParse({ ...body, expireTime: 0, maxRetransmit: 3 }).success).toBe(true);
    expect(CreateCommandBody.safeParse({ ...body, expireTime: -1 }).success).toBe(false);
    expect(CreateCommandBody.safeParse({ ...body, maxRetransmit: 4 }).success).toBe(false);
    expect(CreateCommandBody.safeParse({ ...body, callbackUrl: 'ftp://x/y' }).success).toBe(false);
  });

  it('modify body: only CANCELED', () => {
    expect(ModifyCommandBody.safeParse({ status: 'CANCELED' }).success).toBe(true);
    expect(ModifyCommandBody.safeParse({ status: 'SENT' }).success).toBe(false);
  });

  it('query strings arrive as text and are read as numbers, within range', () => {
    expect(QueryCommandsQuery.parse({ pageNo: '0', pageSize: '1000' })).toEqual({
      pageNo: 0,
      pageSize: 1000,
    });
    expect(QueryCommandsQuery.safeParse({ pageSize: '1001' }).success).toBe(false);
    expect(QueryCommandsQuery.safeParse({ pageSize: '0' }).success).toBe(false);
    expect(QueryCommandsQuery.safeParse({ pageNo: 'x' }).success).toBe(false);
    expect(
      QueryRevocationTasksQuery.safeParse({ status: 'WAITTING', startTime: '20151212T121212Z' }).success,
    ).toBe(true);
    expect(QueryRevocationTasksQuery.safeParse({ status: 'WAITING' }).success).toBe(false);
    expect(QueryRevocationTasksQuery.safeParse({ endTime: '2015-12-12' }).success).toBe(false);
  });
});

describe('error table and bodies', () => {
  it('every row is well formed, and (status, code) is unique', () => {
    for (const row of OC_ERRORS) expect(DocumentedError.safeParse(row).success).toBe(true);
    const keys = OC_ERRORS.map((e) => `${e.httpStatus} ${e.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds the nine codes of the seed table, 100203 and 100217 with both 200 and 403, and 100223', () => {
    const seedRows = OC_ERRORS.filter((e) => e.documentedOn.includes('createRevocationTask'));
    expect(new Set(seedRows.map((e) => e.code)).size).toBe(9);
    expect(seedRows).toHaveLength(11);
    expect(findDocumentedError(200, '100203')?.text).toBe('The application is not existed.');
    expect(findDocumentedError(403, '100203')?.text).toBe('The application is not existed.');
    expect(findDocumentedError(200, '100217')).toBeDefined();
    expect(findDocumentedError(403, '100217')).toBeDefined();
    expect(findDocumentedError(400, '100223')?.documentedOn).toEqual(['createCommand']);
    expect(findDocumentedError(404, '100203')).toBeUndefined();
  });

  it('strict error body: string code and text, nothing else; tolerant: numeric code, missing text', () => {
    expect(ErrorBody.safeParse({ error_code: '1010009', error_desc: 'app throttle exceed.' }).success).toBe(
      true,
    );
    expect(ErrorBody.safeParse({ error_code: 1010009, error_desc: 'app throttle exceed.' }).success).toBe(
      false,
    );
    expect(ErrorBody.safeParse({ error_code: '1', error_desc: 'x', extra: 1 }).success).toBe(false);
    expect(ErrorBodyTolerant.parse({ error_code: 1010009 })).toEqual({
      error_code: '1010009',
      error_desc: '',
    });
    expect(ErrorBodyTolerant.safeParse({ error_desc: 'no code' }).success).toBe(false);
  });
});
