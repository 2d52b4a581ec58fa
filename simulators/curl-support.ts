// Tests run curl as a user does: the exit code and output as data, so a refused TLS handshake is something to assert on.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `curl -sS --max-time 20 ...args`; never rejects. */
export const curl = async (...args: string[]): Promise<{ code: number; out: string }> => {
  try {
    const { stdout } = await run('curl', ['-sS', '--max-time', '20', ...args]);
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
};
