// Tests of the PNG decoder on a hand-made image that uses every row filter, and of colour counting.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countColour, decodePng } from './test-support.ts';

const chunk = (type: string, data: Buffer): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.alloc(4)]); // the decoder does not check CRCs
};

/** A 2x5 RGB PNG whose rows use filters 0..4, each row encoding the same two pixels: red, then blue. */
const samplePng = (): Buffer => {
  const px = [255, 0, 0, 0, 0, 255];
  const rows: number[][] = [];
  for (let f = 0; f <= 4; f++) {
    const line = px.map((v, x) => {
      const a = x >= 3 ? px[x - 3]! : 0;
      const b = f === 0 ? 0 : px[x]!; // every row above holds the same pixels
      const c = x >= 3 ? px[x - 3]! : 0;
      if (f === 0 || f === 1) return f === 0 ? v : (v - a + 256) & 0xff;
      if (f === 2) return (v - b + 256) & 0xff;
      if (f === 3) return (v - ((a + b) >> 1) + 256) & 0xff;
      const p = a + b - c;
      const pred =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      return (v - pred + 256) & 0xff;
    });
    rows.push([f, ...line]);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(5, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows.flat()))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

describe('decodePng', () => {
  it('undoes every row filter', () => {
    const img = decodePng(samplePng());
    expect([img.width, img.height]).toEqual([2, 5]);
    for (let y = 0; y < 5; y++)
      expect([...img.rgba.subarray(y * 8, y * 8 + 8)], `row ${y}`).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
    expect(countColour(img, '#ff0000')).toBe(5);
    expect(countColour(img, '#0000ff')).toBe(5);
    expect(countColour(img, '#00ff00')).toBe(0);
  });

  it('refuses what is not a PNG', () => {
    expect(() => decodePng(Buffer.from('GIF89a....'))).toThrow('not a PNG');
  });
});
