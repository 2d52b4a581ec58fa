// Pact request/response templates for the EnOS consumer test: the example world, matchers, and valid example signatures.
import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { apimSignature, tokenEncryption } from './signing.ts';
import { ID_REGEX, LOCAL_TIME_REGEX } from './constraints.ts';
import type { AppParams, CommandSeed, DeviceCommandsParams } from './provider-states.ts';
import { APIM_HEADER_REGEX } from './requests.ts';

const { integer, like, regex } = MatchersV3;

/** The fixed wall clock of the consumer test: every timestamp and signature in the pact derives from it. */
export const NOW = 1_700_000_000_000;

export const APP: AppParams = {
  appKey: 'harness-app-key-0001',
  appSecret: 'harness-app-secret-0001',
  accessToken: 'harness-access-token-0001',
  expire: 7200,
};

export const DEVICE = {
  orgId: 'o15541858646501',
  assetId: 'oxWwM9i5',
  productKey: 'bXuuAiku',
  deviceKey: 'mqtt_01',
};

const seed = (
  commandId: string,
  state: CommandSeed['state'],
  commandType: CommandSeed['commandType'],
  createTime: number,
): CommandSeed =>
  commandType === 1
    ? {
        commandId,
        commandType,
        tslIdentifier: 'Int_value',
        state,
        pendingTtl: 6000,
        timeout: 30,
        inputData: 222,
        createTime,
      }
    : {
        commandId,
        commandType,
        tslIdentifier: 'service522',
        state,
        pendingTtl: 600,
        timeout: 10,
        inputData: { service_input: 555 },
        createTime,
      };

/** Two cached commands, one already delivered, one released from the cache. */
export const CACHED_MP = seed('2278935391225618432', 1, 1, 1_699_999_000_000);
export const CACHED_SERVICE = seed('2278935391225618433', 1, 2, 1_699_999_100_000);
export const SENT_OK = seed('2278935391225618434', 5, 1, 1_699_999_200_000);
export const RELEASED = seed('2278935391225618435', 4, 2, 1_699_999_300_000);
export const UNKNOWN_COMMAND_ID = '2278935391225619999';
export const UNKNOWN_ORG_ID = 'o00000000000000';

/** What `.given(name, params)` takes (pact-js does not export its JsonMap type). */
export type StateParams = NonNullable<Parameters<ReturnType<PactV4['addInteraction']>['given']>[1]>;

export const deviceState = (commands: CommandSeed[], online = false): StateParams =>
  ({ app: APP, ...DEVICE, online, commands }) satisfies DeviceCommandsParams as unknown as StateParams;

export const asStateParams = (params: object): StateParams => params as unknown as StateParams;

/** `createLocalTime` of an instant, in UTC (the examples' org time zone). */
export const localTime = (epochMs: number): string =>
  new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');

/** The Command struct a provider returns for a seeded command, with matchers where values legitimately vary. */
export const commandBody = (c: CommandSeed, state: number = c.state) => ({
  commandId: regex(ID_REGEX, c.commandId),
  orgId: like(DEVICE.orgId),
  productKey: like(DEVICE.productKey),
  deviceKey: like(DEVICE.deviceKey),
  assetId: like(DEVICE.assetId),
  createTime: integer(c.createTime),
  createLocalTime: regex(LOCAL_TIME_REGEX, localTime(c.createTime)),
  commandType: c.commandType,
  commandName: like({ defaultValue: c.tslIdentifier, i18nValue: { en_US: c.tslIdentifier } }),
  timeout: integer(c.timeout),
  pendingTtl: integer(c.pendingTtl),
  state,
  tslIdentifier: like(c.tslIdentifier),
  inputData: like(c.inputData),
  outputData: null,
});

export const okBody = (data: unknown, extra: Record<string, unknown> = {}) => ({
  code: 0,
  msg: like('OK'),
  requestId: like('7d863d517eae4f18a2776452eb1305bb'),
  data,
  ...extra,
});

/** Error envelope: code and msg pinned verbatim, data null. */
export const errorBody = (code: number, msg: string) => ({
  code,
  msg,
  requestId: like('4d4bfd4d-b5c5-4b9c-b452-833516153b49'),
  data: null,
});

export const JSON_HEADERS = { 'Content-Type': regex('^application/json.*$', 'application/json') };

/**
 * The apim-* headers, matched by regex. The examples are real: the signature is computed with the vendor's rule for
 * this exact example request at NOW, so a provider replaying the pact can verify bodiless requests byte for byte.
 */
export const apimRequestHeaders = (query: Record<string, string>, body?: unknown) => ({
  'apim-accesstoken': regex(APIM_HEADER_REGEX['apim-accesstoken'], APP.accessToken),
  'apim-signature': regex(
    APIM_HEADER_REGEX['apim-signature'],
    apimSignature({
      accessToken: APP.accessToken,
      query,
      bodyText: body === undefined ? undefined : JSON.stringify(body),
      timestamp: NOW,
      appSecret: APP.appSecret,
    }),
  ),
  'apim-timestamp': regex(APIM_HEADER_REGEX['apim-timestamp'], String(NOW)),
});

export const tokenRequestBody = () => ({
  appKey: APP.appKey,
  encryption: regex('^[0-9a-f]{64}$', tokenEncryption(APP.appKey, NOW, APP.appSecret)),
  timestamp: integer(NOW),
});
