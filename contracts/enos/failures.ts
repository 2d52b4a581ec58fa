// EnOS's documented failures a gate run injects: 11905 on cancel (final: never cancel again) and 99500 on every action.
import type { DocumentedFailure } from '../common/failure.ts';
import { ERROR_CODES, ENOS_ERRORS, messageFor } from './errors.ts';

const scopesOf = (code: number): string[] => ENOS_ERRORS.find((r) => r.code === code)?.scopes ?? [];

export const ENOS_FAILURES: readonly DocumentedFailure[] = [
  {
    id: `enos.${ERROR_CODES.notCreatedState}`,
    vendor: 'enos',
    title: `${ERROR_CODES.notCreatedState} ${messageFor(ERROR_CODES.notCreatedState)} (HTTP 200)`,
    code: String(ERROR_CODES.notCreatedState),
    status: 200,
    endpoints: scopesOf(ERROR_CODES.notCreatedState),
    expect: 'no-retry',
    source: 'seed 000 error table: only state 1 (Created) can be cancelled',
  },
  {
    id: `enos.${ERROR_CODES.internal}`,
    vendor: 'enos',
    title: `${ERROR_CODES.internal} ${messageFor(ERROR_CODES.internal).trim()} (HTTP 200)`,
    code: String(ERROR_CODES.internal),
    status: 200,
    endpoints: scopesOf(ERROR_CODES.internal),
    expect: 'recover',
    source: 'EnOS API overview, public response codes',
  },
];
