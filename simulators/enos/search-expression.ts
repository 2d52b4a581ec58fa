// The subset of EnOS's sql-like search expression the simulator understands, parsed into a predicate over Command structs.
import type { CommandStrict } from '../../contracts/enos/responses.ts';

/**
 * Conditions joined by `and` (case-insensitive), each `<field> <op> <value>`:
 * - `state`, `commandType`: `=`, `!=`, `in (1, 2)` with integers;
 * - `commandId`, `tslIdentifier`: `=`, `!=`, `in (...)` with quoted strings;
 * - `createTime`: `=`, `!=`, `<`, `<=`, `>`, `>=` with epoch ms or a quoted `yyyy-MM-dd HH:mm:ss` in the org's zone
 *   (the search page's own example: `createTime >= "2019-08-13 09:00:00"`);
 * - `commandName.en_US`, `commandName.defaultValue`: `=` or `like` with `%` wildcards.
 * Anything else (`or`, parentheses, other fields) is refused with the reason, so a client learns what is not simulated.
 */
export type SearchPredicate = (c: CommandStrict) => boolean;
export type ParsedExpression = { ok: true; test: SearchPredicate } | { ok: false; reason: string };

type Value = string | number;
const TOKEN = /\s*(?:(\d+)|"([^"]*)"|'([^']*)'|(!=|<=|>=|=|<|>|\(|\)|,)|([A-Za-z_][A-Za-z0-9_.]*))/y;

type Token =
  | { kind: 'num'; v: number }
  | { kind: 'str'; v: string }
  | { kind: 'sym'; v: string }
  | { kind: 'word'; v: string };

const tokenize = (text: string): Token[] | string => {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (text.slice(at).trim() === '') break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return `cannot read the expression at "${text.slice(at).trim()}"`;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: 'str', v: (m[2] ?? m[3])! });
    else if (m[4] !== undefined) out.push({ kind: 'sym', v: m[4] });
    else out.push({ kind: 'word', v: m[5]! });
  }
  return out;
};

const INT_FIELDS = { state: (c: CommandStrict) => c.state, commandType: (c: CommandStrict) => c.commandType };
const STR_FIELDS = {
  commandId: (c: CommandStrict) => c.commandId,
  tslIdentifier: (c: CommandStrict) => c.tslIdentifier,
};
const NAME_FIELDS = {
  'commandName.en_US': (c: CommandStrict) => c.commandName.i18nValue.en_US ?? '',
  'commandName.defaultValue': (c: CommandStrict) => c.commandName.defaultValue,
};
const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

const compare = (op: string, a: number, b: number): boolean => {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
};

const likeRegex = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('%', '.*')}$`);

/** One condition from tokens[i...]; returns the predicate and the next index, or a reason. */
const condition = (
  t: Token[],
  i: number,
  utcOffsetMinutes: number,
): { test: SearchPredicate; next: number } | string => {
  const field = t[i];
  const op = t[i + 1];
  if (field?.kind !== 'word') return `expected a field name at condition ${i}`;
  if (!op || (op.kind !== 'sym' && !(op.kind === 'word' && /^(in|like)$/i.test(op.v))))
    return `expected an operator after ${field.v}`;
  const opText = op.v.toLowerCase();
  if (opText === 'in') {
    if (t[i + 2]?.v !== '(') return `expected ( after ${field.v} in`;
    const values: Value[] = [];
    let j = i + 3;
    for (;;) {
      const v = t[j];
      if (!v || (v.kind !== 'num' && v.kind !== 'str')) return `expected a value in the list of ${field.v}`;
      values.push(v.v);
      const sep = t[j + 1];
      j += 2;
      if (sep?.v === ')') break;
      if (sep?.v !== ',') return `expected , or ) in the list of ${field.v}`;
    }
    if (field.v in INT_FIELDS) {
      if (values.some((v) => typeof v !== 'number')) return `${field.v} takes integers`;
      const get = INT_FIELDS[field.v as keyof typeof INT_FIELDS];
      return { test: (c) => values.includes(get(c)), next: j };
    }
    if (field.v in STR_FIELDS) {
      const get = STR_FIELDS[field.v as keyof typeof STR_FIELDS];
      return { test: (c) => values.includes(get(c)), next: j };
    }
    return `the simulator cannot search on ${field.v} with in`;
  }
  const value = t[i + 2];
  if (!value || (value.kind !== 'num' && value.kind !== 'str'))
    return `expected a value after ${field.v} ${op.v}`;
  const next = i + 3;
  if (field.v in INT_FIELDS) {
    if (value.kind !== 'num' || !['=', '!='].includes(opText))
      return `${field.v} takes = or != with an integer`;
    const get = INT_FIELDS[field.v as keyof typeof INT_FIELDS];
    return { test: (c) => compare(opText, get(c), value.v), next };
  }
  if (field.v in STR_FIELDS) {
    if (!['=', '!='].includes(opText)) return `${field.v} takes = or !=`;
    const get = STR_FIELDS[field.v as keyof typeof STR_FIELDS];
    const want = String(value.v);
    return { test: (c) => (get(c) === want) === (opText === '='), next };
  }
  if (field.v in NAME_FIELDS) {
    if (!['=', 'like'].includes(opText) || value.kind !== 'str')
      return `${field.v} takes = or like with a string`;
    const get = NAME_FIELDS[field.v as keyof typeof NAME_FIELDS];
    const re = opText === 'like' ? likeRegex(value.v) : undefined;
    return { test: (c) => (re ? re.test(get(c)) : get(c) === value.v), next };
  }
  if (field.v === 'createTime') {
    if (opText === 'like') return 'createTime takes =, !=, <, <=, > or >=';
    let at: number;
    if (value.kind === 'num') at = value.v;
    else {
      const m = LOCAL.exec(value.v);
      if (!m) return 'createTime takes epoch milliseconds or "yyyy-MM-dd HH:mm:ss"';
      const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
      at = Date.UTC(y, mo - 1, d, h, mi, s) - utcOffsetMinutes * 60_000;
    }
    return { test: (c) => compare(opText, c.createTime, at), next };
  }
  return `the simulator cannot search on ${field.v}`;
};

export const parseExpression = (text: string | undefined, utcOffsetMinutes: number): ParsedExpression => {
  if (text === undefined || text.trim() === '') return { ok: true, test: () => true };
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return { ok: false, reason: tokens };
  const tests: SearchPredicate[] = [];
  let i = 0;
  for (;;) {
    const c = condition(tokens, i, utcOffsetMinutes);
    if (typeof c === 'string') return { ok: false, reason: c };
    tests.push(c.test);
    i = c.next;
    if (i >= tokens.length) break;
    const joiner = tokens[i];
    if (joiner?.kind !== 'word' || joiner.v.toLowerCase() !== 'and')
      return { ok: false, reason: `only "and" joins conditions (found ${joiner?.v})` };
    i++;
  }
  return { ok: true, test: (c) => tests.every((t) => t(c)) };
};
