// The faults planted by hand in product code to check the suite bites (issue 16): each as exact text edits, and the tests meant to catch it.

/** One edit: `find` must occur exactly once in `file` (relative to the repository root); it becomes `replace`. */
export type Edit = { file: string; find: string; replace: string };

export type PlantedFault = {
  name: string;
  /** What the fault does, against which documented behaviour. */
  says: string;
  edits: readonly Edit[];
  /** The vitest files that must fail with the fault planted (the targeted check; each is part of npm test). */
  caughtBy: readonly string[];
  /**
   * false for the faults the property suite is not asked to catch (issue 16 exempts the journal fault); the default
   * `harness props` run must fail for every other one.
   */
  props: boolean;
};

const SERVER = 'simulators/platform/server.ts';
const JOURNAL_STATUS = '      const status = reply.statusCode;';
const AKSK = 'contracts/iotda/signing.ts';

export const PLANTED_FAULTS: readonly PlantedFault[] = [
  {
    name: 'iotda-verify-ignores-query',
    says: 'the AK/SK verifier also accepts a signature computed without the query string',
    edits: [
      {
        file: AKSK,
        find: '        candidates.push(parts);\n',
        replace:
          '        candidates.push(parts);\n      candidates.push(canonicalParts({ ...base, path: p, query: {} }, order));\n',
      },
    ],
    caughtBy: ['simulators/iotda/auth.test.ts', 'contracts/iotda/signing.test.ts'],
    props: true,
  },
  {
    name: 'enos-verify-ignores-body',
    says: 'the apim-signature check also accepts a signature computed without the body',
    edits: [
      {
        file: 'simulators/enos/auth.ts',
        find: '  if (expected !== signature) return { ok: false, code: TOKEN_CODES.encryptionInvalid };',
        replace:
          '  const bodiless = apimSignature({ accessToken: token, query: req.query, timestamp: Number(timestamp), appSecret: app.appSecret });\n' +
          '  if (expected !== signature && bodiless !== signature) return { ok: false, code: TOKEN_CODES.encryptionInvalid };',
      },
    ],
    caughtBy: ['simulators/enos/auth.test.ts'],
    props: true,
  },
  {
    name: 'journal-iotda-429-as-200',
    says: "the platform journal records HTTP 200 for IoTDA's 429 APIG.0308 answers",
    edits: [
      {
        file: SERVER,
        find: JOURNAL_STATUS,
        replace: '      const status = reply.statusCode === 429 ? 200 : reply.statusCode;',
      },
    ],
    caughtBy: ['simulators/iotda/throttle.test.ts'],
    props: true,
  },
  {
    name: 'aksk-canonical-drops-query',
    says: 'the AK/SK canonical request (signer and verifier alike) leaves the query string out',
    edits: [
      {
        file: AKSK,
        find: '  canonicalQueryString: canonicalQueryString(req.query),',
        replace: '  canonicalQueryString: canonicalQueryString({}),',
      },
    ],
    caughtBy: ['contracts/iotda/signing.test.ts', 'simulators/iotda/auth.test.ts'],
    props: true,
  },
  {
    name: 'journal-oc-throttle-as-200',
    says: "the platform journal records HTTP 200 for OceanConnect's 403 1010009 answers",
    edits: [
      {
        file: SERVER,
        find: JOURNAL_STATUS,
        replace: '      const status = responseBody.includes(\'"1010009"\') ? 200 : reply.statusCode;',
      },
    ],
    caughtBy: ['simulators/oceanconnect/client-flows.test.ts'],
    props: true,
  },
  {
    name: 'oc-old-token-valid',
    says: 'an OceanConnect token stays valid after a new login (only the latest may be)',
    edits: [
      {
        file: 'simulators/oceanconnect/apps.ts',
        find: "    if (token.accessToken !== accessToken) return 'superseded';",
        replace:
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the product source text, placeholders included
          '    const previous = hexId(this.seed, `token:${appId}:${this.issued - 1}`);\n' +
          "    if (token.accessToken !== accessToken && accessToken !== previous) return 'superseded';",
      },
    ],
    caughtBy: ['simulators/oceanconnect/auth.test.ts', 'simulators/oceanconnect/client-flows.test.ts'],
    props: true,
  },
  {
    name: 'enos-cap-51',
    says: 'an EnOS device caches 51 commands (the docs: 50, the 51st is 11902)',
    edits: [
      {
        file: 'simulators/enos/sim.ts',
        find: 'pendingCap: PENDING_CAP,',
        replace: 'pendingCap: PENDING_CAP + 1,',
      },
    ],
    caughtBy: ['simulators/enos/commands.test.ts', 'simulators/enos/client-flows.test.ts'],
    props: true,
  },
  {
    name: 'enos-cancel-all-takes-expired',
    says: "an EnOS cancel-all also answers the device's EXPIRED (3) commands as cancelled",
    edits: [
      {
        file: 'simulators/enos/actions.ts',
        find: '  return { ok: true, data: all.before.map((v) => struct(core, v)) };',
        replace:
          "  const expired = core.store.list(storeKeyOf(device)).filter((v) => v.state === 'EXPIRED');\n" +
          '  return { ok: true, data: [...expired, ...all.before].map((v) => struct(core, v)) };',
      },
    ],
    caughtBy: ['simulators/enos/commands.test.ts'],
    props: true,
  },
  {
    name: 'oc-revoke-takes-sent',
    says: 'an OceanConnect revocation task also lists the command already SENT as revoked',
    edits: [
      {
        file: 'simulators/oceanconnect/routes-tasks.ts',
        find: '    commandIds: revoked.before.map((c) => c.commandId),\n    before: revoked.before.every',
        replace:
          "    commandIds: [...w.store.list(deviceId).filter((c) => c.state === 'SENT'), ...revoked.before].map((c) => c.commandId),\n" +
          '    before: [...w.store.list(deviceId).filter((c) => c.state === "SENT"), ...revoked.before].every',
      },
    ],
    caughtBy: ['simulators/oceanconnect/revocation.test.ts'],
    props: true,
  },
  {
    name: 'oc-100418-as-404',
    says: 'OceanConnect answers an unknown device (100418) with HTTP 404 instead of the documented 200',
    edits: [
      {
        file: 'simulators/oceanconnect/answers.ts',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the product source text, placeholders included
        find: "    documented(200, '100418', `no device ${deviceId} belongs to the application`),",
        replace:
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the product source text, placeholders included
          "    ({ ...documented(200, '100418', `no device ${deviceId} belongs to the application`), status: 404 }),",
      },
    ],
    caughtBy: [
      'simulators/oceanconnect/commands.test.ts',
      'simulators/oceanconnect/revocation.test.ts',
      'simulators/oceanconnect/client-flows.test.ts',
    ],
    props: true,
  },
  {
    name: 'iotda-cap-21',
    says: 'an IoTDA device holds 21 PENDING commands (the docs: 20)',
    edits: [
      {
        file: 'simulators/iotda/sim.ts',
        find: 'pendingCap: PENDING_CAP,',
        replace: 'pendingCap: PENDING_CAP + 1,',
      },
    ],
    caughtBy: ['simulators/iotda/lifecycle.test.ts', 'simulators/iotda/client.test.ts'],
    props: true,
  },
  {
    name: 'iotda-success-spelled-success',
    says: 'IoTDA answers a succeeded command as "SUCCESS" (the docs: SUCCESSFUL)',
    edits: [
      {
        file: 'simulators/iotda/projection.ts',
        find: '  return { ok: true, value: { payload: payload.data, status: status.status } };',
        replace:
          "  const spelled = (status.status === 'SUCCESSFUL' ? 'SUCCESS' : status.status) as IotdaStatus;\n" +
          '  return { ok: true, value: { payload: payload.data, status: spelled } };',
      },
    ],
    caughtBy: ['simulators/iotda/lifecycle.test.ts'],
    props: true,
  },
  {
    name: 'oc-cap-21',
    says: 'an OceanConnect device holds 21 PENDING commands (the docs: 20, the 21st is 400 100223)',
    edits: [
      {
        file: 'simulators/oceanconnect/core.ts',
        find: 'pendingCap: PENDING_CAP,',
        replace: 'pendingCap: PENDING_CAP + 1,',
      },
    ],
    caughtBy: ['simulators/oceanconnect/commands.test.ts', 'simulators/oceanconnect/client-flows.test.ts'],
    props: true,
  },
  {
    name: 'oc-task-waiting-spelled',
    says: 'a new OceanConnect revocation task is spelled WAITING (the vendor writes WAITTING)',
    edits: [
      {
        file: 'simulators/oceanconnect/tasks.ts',
        find: "    if (now < runAt) return 'WAITTING';",
        replace: "    if (now < runAt) return 'WAITING' as TaskStatus;",
      },
    ],
    caughtBy: ['simulators/oceanconnect/revocation.test.ts'],
    props: true,
  },
  {
    name: 'enos-expired-as-canceled',
    says: 'EnOS shows an expired command as 2 Canceled (the docs: 3 Expired)',
    edits: [
      {
        file: 'simulators/enos/projection.ts',
        find: '    state: fromCanonical(view.state),',
        replace: "    state: view.state === 'EXPIRED' ? 2 : fromCanonical(view.state),",
      },
    ],
    caughtBy: ['simulators/enos/commands.test.ts'],
    props: true,
  },
];

export const plantedFaultNamed = (name: string): PlantedFault | undefined =>
  PLANTED_FAULTS.find((f) => f.name === name);
