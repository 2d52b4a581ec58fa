// The OceanConnect endpoints as routes (method, path pattern, write or read), named as contracts/oceanconnect/errors.ts names them.
import type { EndpointRoute } from '../common/endpoint-route.ts';
import type { OcEndpoint } from './errors.ts';

const CMD = '/iocm/app/cmd/v1\\.4\\.0';

export const OC_ROUTES: readonly (EndpointRoute & { endpoint: OcEndpoint })[] = [
  { endpoint: 'login', methods: ['POST'], path: '^/iocm/app/sec/v1\\.1\\.0/login/?$', write: false },
  { endpoint: 'createCommand', methods: ['POST'], path: `^${CMD}/deviceCommands/?$`, write: true },
  { endpoint: 'queryCommands', methods: ['GET'], path: `^${CMD}/deviceCommands/?$`, write: false },
  { endpoint: 'modifyCommand', methods: ['PUT'], path: `^${CMD}/deviceCommands/[^/]+/?$`, write: true },
  {
    endpoint: 'createRevocationTask',
    methods: ['POST'],
    path: `^${CMD}/deviceCommandCancelTasks/?$`,
    write: true,
  },
  {
    endpoint: 'queryRevocationTasks',
    methods: ['GET'],
    path: `^${CMD}/deviceCommandCancelTasks/?$`,
    write: false,
  },
];
