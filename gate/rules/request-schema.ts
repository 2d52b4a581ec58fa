// Rule `request-schema`: every request the client sent, checked against the contract request schemas of its vendor (gate/<vendor>/request-check.ts).
import { VENDORS } from '../../vendors/index.ts';
import { type Rule, type Violation, violation } from './types.ts';

const ID = 'request-schema';

export const requestSchemaRule: Rule = {
  id: ID,
  cause: 'malformed',
  description:
    'every request matches its vendor’s contract request schema: auth headers (app_key, Authorization, apim-*, X-Auth-Token), ids, query and JSON body',
  check: (entries) => {
    const out: Violation[] = [];
    for (const e of entries) {
      const check = VENDORS.find((v) => v.id === e.vendor)?.gate.checkRequest;
      if (!check) continue;
      for (const message of check(e)) out.push(violation(ID, e, message));
    }
    return out;
  },
};
