// Talks to a vendor-SDK driver process (Python or Go): one JSON request per line on its stdin, one JSON answer per line on its stdout.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { z } from 'zod';

/** What the SDK raised, as the driver reports it (status and error code when the SDK parsed a vendor error). */
export const DriverError = z.object({
  kind: z.string(),
  status: z.number().optional(),
  errorCode: z.string().optional(),
  errorMsg: z.string().optional(),
  requestId: z.string().nullable().optional(),
  trace: z.string().optional(),
});
export type DriverError = z.infer<typeof DriverError>;

export const DriverAnswer = z.discriminatedUnion('ok', [
  z.object({ id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number(), ok: z.literal(false), error: DriverError }),
]);
export type DriverAnswer = z.infer<typeof DriverAnswer>;

/** One request: the operation and its arguments (each driver documents the ones it knows). */
export type DriverRequest = { op: string } & Record<string, unknown>;

/**
 * A running driver. Requests are answered in order; `call` rejects when the driver dies, answers out of protocol, or
 * takes longer than `timeoutMs`, with its stderr in the message.
 */
export class Driver {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, (line: string | Error) => void>();
  private nextId = 1;
  private stderr = '';
  private exited: Promise<number | null>;

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
    this.child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (c: Buffer) => {
      this.stderr = `${this.stderr}${c.toString()}`.slice(-8000);
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const id = (() => {
        try {
          return (JSON.parse(line) as { id?: unknown }).id;
        } catch {
          return undefined;
        }
      })();
      const settle = typeof id === 'number' ? this.pending.get(id) : undefined;
      if (settle) settle(line);
      else this.stderr += `\n(unexpected stdout) ${line}`;
    });
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code) => {
        for (const settle of this.pending.values())
          settle(new Error(`the driver exited (code ${code}):\n${this.stderr}`));
        this.pending.clear();
        resolve(code);
      });
      this.child.on('error', (err) => {
        for (const settle of this.pending.values()) settle(err);
        this.pending.clear();
        resolve(null);
      });
    });
  }

  /** Sends one request and waits for its answer. */
  call(request: DriverRequest, timeoutMs = 60_000): Promise<DriverAnswer> {
    const id = this.nextId++;
    return new Promise<DriverAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${request.op}: no answer within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, (line) => {
        clearTimeout(timer);
        this.pending.delete(id);
        if (line instanceof Error) return reject(line);
        const parsed = DriverAnswer.safeParse(JSON.parse(line));
        if (parsed.success) resolve(parsed.data);
        else reject(new Error(`${request.op}: answer out of protocol: ${line}\n${parsed.error.message}`));
      });
      this.child.stdin.write(`${JSON.stringify({ ...request, id })}\n`);
    });
  }

  /** Like `call`, but the value of a successful answer; a failed one rejects with the SDK's error. */
  async value(request: DriverRequest, timeoutMs?: number): Promise<unknown> {
    const a = await this.call(request, timeoutMs);
    if (!a.ok) throw new Error(`${request.op} failed: ${JSON.stringify(a.error)}`);
    return a.value;
  }

  /** Closes its stdin (the driver ends) and waits for it, killing it after `graceMs`. */
  async close(graceMs = 5_000): Promise<void> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
