// Pact body matching rules, where simple: finds the rule for a JSON path (exact, wildcard or inherited from an ancestor) and says whether it accepts a difference.
import type { ArrayRule, RawDifference } from './diff.ts';
import type { PactRuleSet } from './pact-file.ts';

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A rule path (`$.a[*].b`, `$.a.*`, `$['a']`) as a regex over our paths (`$.a[0].b`), matching the path or a descendant. */
const rulePattern = (rulePath: string): RegExp => {
  const normal = rulePath.replace(/\['([^']+)'\]/g, '.$1');
  const body = escapeRegex(normal)
    .replace(/\\\[\\\*\\\]/g, '\\[\\d+\\]')
    .replace(/\\\.\\\*/g, '\\.[^.[]+');
  return new RegExp(`^${body}(?=$|[.[])`);
};

/** The rule set that governs a path: the most specific (longest) matching rule path, an ancestor's rule cascading. */
export const ruleFor = (
  rules: Record<string, PactRuleSet> | undefined,
  path: string,
): PactRuleSet | undefined => {
  let best: { len: number; rule: PactRuleSet } | undefined;
  for (const [rulePath, rule] of Object.entries(rules ?? {})) {
    const m = rulePattern(rulePath).exec(path);
    if (m && (!best || m[0].length > best.len)) best = { len: m[0].length, rule };
  }
  return best?.rule;
};

const accepts = (matcher: PactRuleSet['matchers'][number], d: RawDifference): boolean => {
  if (d.kind !== 'value') return false;
  switch (matcher.match) {
    case 'type':
      return true;
    case 'regex':
      return (
        typeof d.actual === 'string' &&
        matcher.regex !== undefined &&
        new RegExp(matcher.regex).test(d.actual)
      );
    case 'integer':
      return Number.isInteger(d.actual);
    case 'number':
    case 'decimal':
      return typeof d.actual === 'number';
    default:
      return false;
  }
};

/**
 * Whether the pact's rules accept a raw difference. Fields the provider adds are always accepted (Pact's open objects);
 * a differing value is accepted by a type, regex, integer or number matcher; anything else is a mismatch.
 */
export const acceptedByRules = (
  rules: Record<string, PactRuleSet> | undefined,
  d: RawDifference,
): boolean => {
  if (d.kind === 'added') return true;
  const rule = ruleFor(rules, d.path);
  if (!rule) return false;
  const results = rule.matchers.map((m) => accepts(m, d));
  return rule.combine === 'OR' ? results.some(Boolean) : results.every(Boolean);
};

/**
 * How Pact matches the array at a path: a `type` matcher that governs it (its own or an ancestor's, cascading)
 * matches by example within its min/max; no rule means the exact array, length included.
 */
export const arrayRuleOf =
  (rules: Record<string, PactRuleSet> | undefined) =>
  (path: string): ArrayRule => {
    const byType = ruleFor(rules, path)?.matchers.find((m) => m.match === 'type');
    return byType
      ? {
          byExample: true,
          ...(byType.min !== undefined ? { min: byType.min } : {}),
          ...(byType.max !== undefined ? { max: byType.max } : {}),
        }
      : { byExample: false };
  };
