// The reference clients as the suite drives them: each registered vendor's, fresh per run (property-tests/<vendor>/plugin.ts).
import type { Dispatcher } from 'undici';
import type { FleetSections } from '../../simulators/platform/ready-info.ts';
import { type AnyVendor, VENDORS } from '../../vendors/index.ts';

export type SuiteClients = { [D in AnyVendor as D['id']]: ReturnType<D['props']['clients']> };

/**
 * `platformNow` is the suite's mirror of the frozen platform clock, so token lifetimes are judged in platform time
 * (no surprise re-login in the middle of a step). Each vendor's plugin says how its client is set up for the suite.
 */
export const makeClients = (
  baseUrl: string,
  fleet: FleetSections,
  platformNow: () => number,
  dispatcher?: Dispatcher,
): SuiteClients =>
  Object.fromEntries(
    VENDORS.map((v) => [
      v.id,
      (v.props.clients as (o: unknown) => unknown)({
        baseUrl,
        fleet: fleet[v.id],
        platformNow,
        ...(dispatcher ? { dispatcher } : {}),
      }),
    ]),
  ) as SuiteClients;
