// Rule `recancel`: the client cancelled an EnOS command again after the platform answered 11905 (not in state Created).
import { ERROR_CODES } from '../../contracts/enos/errors.ts';
import { type AuditEntry, type Rule, splitUrl, type Violation, violation } from './types.ts';

const ID = 'recancel';
const NOT_CREATED = String(ERROR_CODES.notCreatedState);

/** The command a cancel names, with its device; undefined for anything but a cancel of one command. */
const cancelKey = (e: AuditEntry): string | undefined => {
  if (e.vendor !== 'enos') return undefined;
  const { query } = splitUrl(e.url);
  if (query.get('action') !== 'cancel') return undefined;
  const commandId = query.get('commandId');
  if (!commandId) return undefined;
  const device = query.get('assetId') ?? `${query.get('productKey')}/${query.get('deviceKey')}`;
  return `${query.get('orgId')}/${device}/${commandId}`;
};

export const recancelRule: Rule = {
  id: ID,
  description: 'after 11905 (command not in state Created) the same command is not cancelled again',
  check: (entries) => {
    const out: Violation[] = [];
    const refused = new Map<string, AuditEntry>();
    for (const e of entries) {
      const key = cancelKey(e);
      if (key === undefined) continue;
      const first = refused.get(key);
      if (first)
        out.push(
          violation(
            ID,
            e,
            `cancelled command ${key.split('/').at(-1)} again after request #${first.seq} was answered 11905 (not in state Created)`,
          ),
        );
      else if (e.errorCode === NOT_CREATED) refused.set(key, e);
    }
    return out;
  },
};
