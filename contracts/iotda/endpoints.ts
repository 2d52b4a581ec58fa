// The IoTDA endpoints as routes (method, path pattern, write or read), named as contracts/iotda/requests.ts names them.
import type { EndpointRoute } from '../common/endpoint-route.ts';
import type { EndpointName } from './requests.ts';

const DEVICE = '^/v5/iot/[^/]+/devices/[^/]+';

export const IOTDA_ROUTES: readonly (EndpointRoute & { endpoint: EndpointName })[] = [
  { endpoint: 'showAsyncCommand', methods: ['GET'], path: `${DEVICE}/async-commands/[^/]+/?$`, write: false },
  { endpoint: 'createAsyncCommand', methods: ['POST'], path: `${DEVICE}/async-commands/?$`, write: true },
  { endpoint: 'listAsyncCommands', methods: ['GET'], path: `${DEVICE}/async-commands/?$`, write: false },
  {
    endpoint: 'listAsyncHistoryCommands',
    methods: ['GET'],
    path: `${DEVICE}/async-commands-history/?$`,
    write: false,
  },
];
