// Provider states of the EnOS pact: names both sides import, and the params a simulator needs to reproduce each one.
import { z } from 'zod';
import { CommandType, EnosState } from './states.ts';

export const ENOS_STATES = {
  /** The application exists; the token service issues `accessToken` for it. */
  application: 'an EnOS application is registered',
  /** The application is authorised on an organisation holding one device, whose commands are listed with their states. */
  deviceCommands: 'an EnOS device has commands',
  /** The application holds a valid token, but the organisation in the request does not exist. */
  unknownOrganisation: 'an EnOS organisation does not exist',
} as const;
export type EnosStateName = (typeof ENOS_STATES)[keyof typeof ENOS_STATES];

/**
 * An application and the token it holds. A simulator registers the app and accepts `accessToken` as a live token;
 * with `appSecret` it can also recompute `apim-signature` (see DECISIONS.md on which requests allow that).
 */
export const AppParams = z.object({
  appKey: z.string().min(1),
  appSecret: z.string().min(1),
  accessToken: z.string().min(1),
  /** Seconds the token lives (documented initial value 7200). */
  expire: z.number().int().positive(),
});
export type AppParams = z.infer<typeof AppParams>;

/** One command the provider must hold before the interaction, with everything its Command struct shows. */
export const CommandSeed = z.object({
  commandId: z.string().min(1),
  commandType: CommandType,
  tslIdentifier: z.string().min(1),
  state: EnosState,
  pendingTtl: z.number().int().min(0),
  timeout: z.number().int().min(1).max(60),
  inputData: z.json(),
  /** Epoch ms; `createLocalTime` is this instant in the org's time zone (UTC in the examples). */
  createTime: z.number().int(),
});
export type CommandSeed = z.infer<typeof CommandSeed>;

export const DeviceCommandsParams = z.object({
  app: AppParams,
  orgId: z.string().min(1),
  assetId: z.string().min(1),
  productKey: z.string().min(1),
  deviceKey: z.string().min(1),
  /** Whether the device is connected (decides instant commands; cached ones are accepted either way). */
  online: z.boolean(),
  /** The device's commands in creation order; those in state 1 are its cache. */
  commands: z.array(CommandSeed),
});
export type DeviceCommandsParams = z.infer<typeof DeviceCommandsParams>;

export const UnknownOrganisationParams = z.object({ app: AppParams, orgId: z.string().min(1) });
export type UnknownOrganisationParams = z.infer<typeof UnknownOrganisationParams>;

export const ApplicationParams = z.object({ app: AppParams });
export type ApplicationParams = z.infer<typeof ApplicationParams>;

/** The params schema of each state, for a simulator's control API. */
export const STATE_PARAMS = {
  [ENOS_STATES.application]: ApplicationParams,
  [ENOS_STATES.deviceCommands]: DeviceCommandsParams,
  [ENOS_STATES.unknownOrganisation]: UnknownOrganisationParams,
} as const;
