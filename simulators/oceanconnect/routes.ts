// The six OceanConnect endpoints on fastify: login, the device commands, the revocation tasks.
import type { FastifyInstance } from 'fastify';
import type { Core } from './core.ts';
import { registerCommandRoutes } from './routes-commands.ts';
import { registerLogin } from './routes-login.ts';
import { registerTaskRoutes } from './routes-tasks.ts';

/** Registers every route of the simulator on the platform server. */
export const registerRoutes = (app: FastifyInstance, w: Core): void => {
  registerLogin(app, w);
  registerCommandRoutes(app, w);
  registerTaskRoutes(app, w);
};
