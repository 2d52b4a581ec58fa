// The EnOS endpoints as routes: the token service and the five command actions (cancel also as GET, as the vendor's sample sends it).
import type { EndpointRoute } from '../common/endpoint-route.ts';
import { ENDPOINTS } from './requests.ts';

const COMMANDS = '^/connect-service/v2\\.1/commands/?$';
const WRITES: ReadonlySet<string> = new Set(['cancel', 'invokeService', 'setMeasurepoint']);

export const ENOS_ROUTES: readonly EndpointRoute[] = [
  { endpoint: 'token', methods: ['POST'], path: '^/apim-token-service/v2\\.0/token/get/?$', write: false },
  ...Object.values(ENDPOINTS).map((e) => ({
    endpoint: e.action,
    methods: [...e.acceptedMethods],
    path: COMMANDS,
    action: e.action,
    write: WRITES.has(e.action),
  })),
];
