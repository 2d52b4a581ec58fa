// What a third party's interaction asks of the provider, read from its state names and the answer it expects: an unknown command or device, nothing pending, a command in a given state.
import type { CanonicalState } from '../contracts/common/lifecycle.ts';

/** What an interaction asks for, and the cue it was read from (shown to the user). */
export type Intent =
  | { kind: 'unknown-command'; because: string }
  | { kind: 'unknown-device'; because: string }
  | { kind: 'no-pending'; because: string }
  | { kind: 'command-in-state'; state: CanonicalState; because: string };

/** What is read: the interaction's state names, its request and the answer it expects. */
export type Asked = {
  stateNames: readonly string[];
  /** Whether the request names one command (a command id in its path or query). */
  namesCommand: boolean;
  /** Only a read (GET) of one command shows the state the command is in before the call. */
  method: string;
  expected: { status: number; body: unknown };
  /** The vendor's error codes that mean "no such command" and "no such device" (facts of the vendor). */
  codes: { unknownCommand: readonly string[]; unknownDevice: readonly string[] };
  /** The vendor's status words and numbers read as canonical states (`SENT`, `4`, ...). */
  statusOf: (value: unknown) => CanonicalState | undefined;
};

const ABSENT =
  /\b(does not exist|doesn't exist|do not exist|not exist(s|ing)?|unknown|missing|absent|not found|never (been )?(seen|registered|created|issued|sent)|no such|non-?existent|deleted|unregistered|not registered|not provisioned|gone)\b/;
const DEVICE = /\b(device|meter|valve|sensor|asset|thing|gateway|widget|node)s?\b/;
const COMMAND = /\b(command|cmd|order|instruction|message)s?\b/;
const NOTHING =
  /\b(no|none|zero|without|empty|nothing)\b.{0,30}\b(pending|queued|cached|waiting|outstanding|commands?)\b|\b(queue|cache) is empty\b/;

/** Words of state names that name a command state, and the canonical state they mean. */
const STATE_WORDS: readonly [RegExp, CanonicalState][] = [
  [/\b(pending|queued|cached|created|waiting)\b/, 'PENDING'],
  [/\b(cancell?ed|revoked)\b/, 'CANCELED'],
  [/\bexpired\b/, 'EXPIRED'],
  [/\b(sent|released|in flight)\b/, 'SENT'],
  [/\bdelivered\b/, 'DELIVERED'],
  [/\b(successful|succeeded|completed|done|executed)\b/, 'SUCCEEDED'],
  [/\bfailed\b/, 'FAILED'],
  [/\b(timed? ?out|timeout)\b/, 'TIMED_OUT'],
];

const codeIn = (body: unknown): string | undefined => {
  if (body === null || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  for (const k of ['error_code', 'code', 'errorCode'])
    if ((typeof b[k] === 'string' || typeof b[k] === 'number') && b[k] !== 0) return String(b[k]);
  return undefined;
};

const statusIn = (body: unknown, statusOf: Asked['statusOf']): CanonicalState | undefined => {
  if (body === null || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const inner =
    b.data !== null && typeof b.data === 'object' && !Array.isArray(b.data)
      ? (b.data as Record<string, unknown>)
      : b;
  for (const k of ['status', 'state']) {
    const s = statusOf(inner[k]);
    if (s) return s;
  }
  return undefined;
};

/**
 * Reads what an interaction asks for: first from its state names (what the consumer says), then from the answer it
 * expects (a vendor code for "no such command/device", a 404, the status of the one command it reads). Undefined
 * when nothing says.
 */
export const intentOf = (a: Asked): Intent | undefined => {
  for (const name of a.stateNames) {
    const n = name.toLowerCase();
    const quoted = `the state "${name}" says`;
    if (ABSENT.test(n) && DEVICE.test(n) && !COMMAND.test(n))
      return { kind: 'unknown-device', because: `${quoted} the device does not exist` };
    if (ABSENT.test(n) && COMMAND.test(n))
      return { kind: 'unknown-command', because: `${quoted} the command does not exist` };
    if (ABSENT.test(n) && DEVICE.test(n))
      return { kind: 'unknown-device', because: `${quoted} the device does not exist` };
    if (NOTHING.test(n)) return { kind: 'no-pending', because: `${quoted} nothing is pending` };
    if (COMMAND.test(n))
      for (const [word, state] of STATE_WORDS)
        if (word.test(n))
          return { kind: 'command-in-state', state, because: `${quoted} a command is ${state}` };
  }
  const code = codeIn(a.expected.body);
  if (code && a.codes.unknownCommand.includes(code))
    return { kind: 'unknown-command', because: `the expected answer carries ${code} (no such command)` };
  if (code && a.codes.unknownDevice.includes(code))
    return { kind: 'unknown-device', because: `the expected answer carries ${code} (no such device)` };
  if (a.expected.status === 404)
    return a.namesCommand
      ? { kind: 'unknown-command', because: 'the expected answer is a 404 for a request naming a command' }
      : { kind: 'unknown-device', because: 'the expected answer is a 404' };
  const read = a.namesCommand && a.method.toUpperCase() === 'GET' && a.expected.status < 300;
  const state = read ? statusIn(a.expected.body, a.statusOf) : undefined;
  if (state)
    return { kind: 'command-in-state', state, because: `the expected answer shows the command ${state}` };
  return undefined;
};
