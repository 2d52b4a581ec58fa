// Hands one answer to a reference client over a mocked HTTP connection (undici MockAgent) and returns what it made of it.
import { MockAgent } from 'undici';
import type { Result } from '../../contracts/common/problem.ts';
import { PROBE_ORIGIN, type SuccessCase } from './answer-case.ts';

export const probe = async (
  c: Pick<SuccessCase, 'call' | 'method'>,
  status: number,
  body: unknown,
): Promise<Result<unknown>> => {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get(PROBE_ORIGIN)
    .intercept({ path: () => true, method: c.method })
    .reply(status, JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    .persist();
  try {
    return await c.call(agent);
  } finally {
    await agent.close();
  }
};
