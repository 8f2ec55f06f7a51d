/**
 * The ASCII test that lets the encoding pass skip decoding a file's ASCII start: a byte
 * over 0x7F is found wherever it lies, also in a view that does not start on a word.
 */
import { describe, expect, it } from 'vitest';
import { isAscii, scanCsvBytes } from '../../src/lib/data/import/csv-bytes';

describe('isAscii', () => {
  it('finds a high byte at any position of views at any offset', () => {
    const buffer = new Uint8Array(64).fill(0x61);
    for (let start = 0; start < 5; start++) {
      for (let end = 59; end <= 64; end++) {
        const view = buffer.subarray(start, end);
        expect(isAscii(view)).toBe(true);
        for (let at = 0; at < view.length; at++) {
          view[at] = 0x80;
          expect(isAscii(view), `offset ${start}, length ${view.length}, at ${at}`).toBe(false);
          view[at] = 0x61;
        }
      }
    }
    expect(isAscii(new Uint8Array(0))).toBe(true);
    expect(isAscii(Uint8Array.of(0xc3))).toBe(false);
  });
});

describe('scanCsvBytes after an ASCII start', () => {
  const ascii = (n: number) => new Uint8Array(n).fill(0x61);
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) out.set(part, (at += part.length) - part.length);
    return out;
  };

  it('reads a late é split over two chunks as UTF-8, a late lone byte as Windows-1252', async () => {
    const utf8 = join(ascii(4095), Uint8Array.of(0xc3, 0xa9), ascii(100));
    expect(await scanCsvBytes(utf8, 1024)).toEqual({ encoding: 'utf-8', hasNul: false });
    const cp1252 = join(ascii(4095), Uint8Array.of(0xe9), ascii(100));
    expect(await scanCsvBytes(cp1252, 1024)).toEqual({ encoding: 'windows-1252', hasNul: false });
    const truncated = join(ascii(4095), Uint8Array.of(0xc3), ascii(100));
    expect(await scanCsvBytes(truncated.subarray(1), 1024)).toEqual({
      encoding: 'windows-1252',
      hasNul: false,
    });
  });
});
