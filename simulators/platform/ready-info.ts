// The one JSON line `harness sim` prints when ready: URLs, and each registered vendor's credentials and device ids.
import { z } from 'zod';
import { type AnyVendor, VENDORS } from '../../vendors/index.ts';

/** What each vendor simulator reports about its fleet (simulators/<vendor>/fleet.ts); the base URL is added by whoever knows the front door. */
export type FleetSections = { [D in AnyVendor as D['id']]: z.infer<D['fleet']> };

/** With `--https`: the PEM file of the run's CA, which clients trust to verify the front door's certificate. */
export const TlsInfo = z.object({
  caFile: z.string(),
  /** With `--client-ca`: that CA's file, and the vendors whose base URL is the front door that asks for certificates. */
  clientCaFile: z.string().optional(),
  clientCertificateFor: z.array(z.string()).optional(),
});

export type ReadyInfo = {
  wiremockUrl: string;
  controlUrl: string;
  tls?: z.infer<typeof TlsInfo>;
} & { [V in keyof FleetSections]: FleetSections[V] & { baseUrl: string } };

/** The ready line's schema: each vendor's section is its fleet and the base URL its clients call. */
export const ReadyInfo = z.object({
  wiremockUrl: z.string().url(),
  controlUrl: z.string().url(),
  tls: TlsInfo.optional(),
  ...Object.fromEntries(VENDORS.map((v) => [v.id, v.fleet.extend({ baseUrl: z.string().url() })])),
}) as unknown as z.ZodType<ReadyInfo>;
