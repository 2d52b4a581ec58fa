// The EnOS routes on the platform server: the commands endpoint (GET and POST, dispatched on `action`) and the token service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COMMANDS_PATH, TOKEN_PATH } from '../../contracts/enos/requests.ts';
import { type Answer, failureAnswer, tokenFailureAnswer } from './answers.ts';
import { tokenService } from './auth.ts';
import { handleCommandCall } from './call.ts';
import type { Core } from './core.ts';
import { awaitInstant } from './instant.ts';

const JSON_TYPE = 'application/json;charset=UTF-8';

const send = (reply: FastifyReply, answer: Answer): FastifyReply =>
  reply.code(answer.status).header('content-type', JSON_TYPE).send(JSON.stringify(answer.body));

/** Nothing may crash: an exception inside the simulator becomes 99500 (token service: 1005). */
const guarded = (run: () => Answer, onCrash: () => Answer): Answer => {
  try {
    return run();
  } catch {
    return onCrash();
  }
};

export const registerRoutes = (app: FastifyInstance, core: Core): void => {
  const commands = async (req: FastifyRequest, reply: FastifyReply) => {
    const answer = guarded(
      () =>
        handleCommandCall(core, {
          method: req.method,
          query: req.query as Record<string, string | string[] | undefined>,
          headers: req.headers,
          rawBody: req.rawBody,
          body: req.body,
          callTime: () => req.callTime(),
        }),
      () => failureAnswer(core.nextRequestId(), { kind: 'internal' }),
    );
    const gone = () => req.raw.socket?.destroyed === true;
    return send(reply, answer.instant ? await awaitInstant(core, answer, answer.instant, gone) : answer);
  };
  app.get(COMMANDS_PATH, commands);
  app.post(COMMANDS_PATH, commands);
  app.post(TOKEN_PATH, async (req, reply) =>
    send(
      reply,
      guarded(
        () => tokenService(core.world, req.body, core.clock.now(), core.seed),
        () => tokenFailureAnswer(1005),
      ),
    ),
  );
};
