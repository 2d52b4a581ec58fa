// The Huawei timestamp format yyyyMMdd'T'HHmmss'Z' (UTC): a schema, a formatter and a parser.
import { z } from 'zod';

const PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses `20170222T164000Z` to epoch milliseconds, or undefined when the text is not a real UTC instant. */
export const parseHuaweiTime = (text: string): number | undefined => {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Reject rolled-over values such as month 13 or 25 o'clock.
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    back.getUTCHours() !== h ||
    back.getUTCMinutes() !== mi ||
    back.getUTCSeconds() !== s
  ) {
    return undefined;
  }
  return ms;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats epoch milliseconds as `yyyyMMdd'T'HHmmss'Z'` (sub-second precision is dropped, as the vendor does). */
export const formatHuaweiTime = (epochMs: number): string => {
  const d = new Date(epochMs);
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    'T' +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds()) +
    'Z'
  );
};

/** Regex source usable by Pact matchers (`term`/`regex`) for the same format. */
export const HUAWEI_TIME_REGEX = '^\\d{8}T\\d{6}Z$';

export const HuaweiTime = z.string().refine((s) => parseHuaweiTime(s) !== undefined, {
  message: "expected a UTC time as yyyyMMdd'T'HHmmss'Z'",
});
