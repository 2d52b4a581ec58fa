// The contract coverage table's row type: one documented case of one endpoint, which must appear in its provider's pact.
import type { ProviderName } from './pact.ts';

export type CoverageRow = {
  provider: ProviderName;
  /** e.g. `POST /connect-service/v2.1/commands?action=cancel` */
  endpoint: string;
  /** e.g. `200 cancel-all by assetId`, `403 1010009 throttled` */
  case: string;
  /** The Pact interaction description that covers this row; descriptions are unique within a pact. */
  interaction: string;
};

export type CoverageCheck = { row: CoverageRow; covered: boolean }[];

type PactFile = { interactions?: { description?: string }[] };

/** Marks each row covered when its provider's pact holds an interaction with that description. */
export const checkCoverage = (
  rows: CoverageRow[],
  readPact: (p: ProviderName) => PactFile | undefined,
): CoverageCheck => {
  const descriptions = new Map<ProviderName, Set<string>>();
  for (const row of rows) {
    if (!descriptions.has(row.provider)) {
      const pact = readPact(row.provider);
      descriptions.set(row.provider, new Set((pact?.interactions ?? []).map((i) => i.description ?? '')));
    }
  }
  return rows.map((row) => ({ row, covered: descriptions.get(row.provider)?.has(row.interaction) ?? false }));
};
