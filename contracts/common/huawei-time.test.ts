import { describe, expect, it } from 'vitest';
import { formatHuaweiTime, HuaweiTime, parseHuaweiTime } from './huawei-time.ts';

describe('Huawei timestamps', () => {
  it('parses the documented sample', () => {
    expect(parseHuaweiTime('20170222T164000Z')).toBe(Date.UTC(2017, 1, 22, 16, 40, 0));
  });
  it('round-trips whole seconds', () => {
    for (const ms of [0, Date.UTC(2015, 11, 12, 12, 12, 12), Date.UTC(2099, 0, 1, 23, 59, 59)]) {
      expect(parseHuaweiTime(formatHuaweiTime(ms))).toBe(ms);
    }
  });
  it('drops milliseconds when formatting', () => {
    expect(formatHuaweiTime(Date.UTC(2020, 0, 2, 3, 4, 5, 678))).toBe('20200102T030405Z');
  });
  it.each([
    '2017-02-22T16:40:00Z',
    '20171322T164000Z',
    '20170222T250000Z',
    '20170222T164000',
    '',
    '20170230T000000Z',
  ])('refuses %j', (text) => {
    expect(parseHuaweiTime(text)).toBeUndefined();
    expect(HuaweiTime.safeParse(text).success).toBe(false);
  });
});
