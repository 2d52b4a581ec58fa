// What the EnOS layer stores with each command, and the projection of a store CommandView onto the vendor's Command struct.
import { z } from 'zod';
import type { CommandStrict } from '../../contracts/enos/responses.ts';
import { CommandType, fromCanonical } from '../../contracts/enos/states.ts';
import { JsonValue } from '../../contracts/enos/constraints.ts';
import type { CommandView } from '../model/command.ts';

/** The payload the store keeps for an EnOS command (it never reads it). */
export const EnosPayload = z.object({
  orgId: z.string(),
  assetId: z.string(),
  productKey: z.string(),
  deviceKey: z.string(),
  commandType: CommandType,
  /** serviceId or measurepointId. */
  tslIdentifier: z.string(),
  /** invokeService: the inputData map; setMeasurepoint: the bare value, as every vendor sample shows it. */
  inputData: JsonValue,
  /** Seconds, as the caller gave them. */
  pendingTtl: z.number().int(),
  timeout: z.number().int(),
});
export type EnosPayload = z.infer<typeof EnosPayload>;

/** `yyyy-MM-dd HH:mm:ss` of an instant in a zone `utcOffsetMinutes` east of UTC. */
export const localTimeOf = (epochMs: number, utcOffsetMinutes: number): string =>
  new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');

/** A device result EnOS can show as `outputData`: a JSON object. */
export const isMap = (v: unknown): v is Record<string, z.infer<typeof JsonValue>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The Command struct as contracts/enos pins it (CommandStrict): `createTime` epoch ms, `createLocalTime` in the
 * configured zone, `commandName` from the identifier (the simulator has no ThingModel), 4 Released for both SENT
 * and DELIVERED, `outputData` the device's result map once a service invocation finished (null otherwise).
 */
export const commandStructOf = (view: CommandView, utcOffsetMinutes: number): CommandStrict => {
  const p = view.payload as EnosPayload;
  return {
    commandId: view.commandId,
    orgId: p.orgId,
    productKey: p.productKey,
    deviceKey: p.deviceKey,
    assetId: p.assetId,
    createTime: view.createdAt,
    createLocalTime: localTimeOf(view.createdAt, utcOffsetMinutes),
    commandType: p.commandType,
    commandName: { defaultValue: p.tslIdentifier, i18nValue: { en_US: p.tslIdentifier } },
    timeout: p.timeout,
    pendingTtl: p.pendingTtl,
    state: fromCanonical(view.state),
    tslIdentifier: p.tslIdentifier,
    inputData: p.inputData,
    outputData: p.commandType === 2 && isMap(view.result) ? view.result : null,
  };
};
