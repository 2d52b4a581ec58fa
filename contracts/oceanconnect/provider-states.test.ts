// Checks that every provider state in the committed OceanConnect pact is documented and carries valid params.
import { PACT_PROVIDER } from './constraints.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedPactPath } from '../common/pact.ts';
import {
  DEVICE_HAS_COMMANDS,
  OC_PROVIDER_STATES,
  type OcProviderState,
  stateParams,
} from './provider-states.ts';

type PactFile = {
  interactions: { description: string; providerStates?: { name: string; params?: unknown }[] }[];
};

const pact = JSON.parse(readFileSync(committedPactPath(PACT_PROVIDER), 'utf8')) as PactFile;

describe('OceanConnect provider states', () => {
  it('every interaction of the committed pact has exactly one documented state with valid params', () => {
    for (const i of pact.interactions) {
      expect(i.providerStates, i.description).toHaveLength(1);
      const state = i.providerStates![0]!;
      expect(Object.keys(OC_PROVIDER_STATES), i.description).toContain(state.name);
      const parsed = OC_PROVIDER_STATES[state.name as OcProviderState].safeParse(state.params);
      expect(parsed.success ? [] : parsed.error.issues, i.description).toEqual([]);
    }
  });

  it('every state carries the app and token the provider must accept, or the secret it must check', () => {
    for (const [name, schema] of Object.entries(OC_PROVIDER_STATES)) {
      const keys = Object.keys(schema.shape);
      expect(keys, name).toContain('appId');
      expect(keys.includes('accessToken') || keys.includes('secret'), name).toBe(true);
    }
  });

  it('params are checked when an interaction is declared', () => {
    expect(() =>
      stateParams(DEVICE_HAS_COMMANDS, {
        appId: 'app',
        accessToken: 'token',
        deviceId: 'x'.repeat(65),
        commands: [],
      }),
    ).toThrow();
  });

  it('a seeded command uses the command spelling (PENDING), not the revocation one', () => {
    const params = {
      appId: 'app',
      accessToken: 'token',
      deviceId: 'device',
      commands: [
        {
          commandId: 'c1',
          command: { serviceId: 's', method: 'm', paras: {} },
          callbackUrl: null,
          expireTime: null,
          status: 'PENDDING',
          result: null,
          creationTime: '20170222T164000Z',
          executeTime: null,
          platformIssuedTime: null,
          deliveredTime: null,
          issuedTimes: null,
          maxRetransmit: 0,
        },
      ],
    };
    expect(OC_PROVIDER_STATES[DEVICE_HAS_COMMANDS].safeParse(params).success).toBe(false);
    params.commands[0]!.status = 'PENDING';
    expect(OC_PROVIDER_STATES[DEVICE_HAS_COMMANDS].safeParse(params).success).toBe(true);
  });
});
