/**
 * Lines taken out of a CSV before the bulk reader sees it (issue 27, item 12), and the
 * binary check that no longer decides on a single NUL byte.
 */
import { describe, expect, it } from 'vitest';
import { EditedCsvLines, NUL_REASON } from '../../src/lib/data/import/csv-lines';
import { createRandom } from '../../src/lib/analysis/random';
import { looksLikeBinary } from '../../src/lib/data/import/stage';

const encode = (text: string) => new TextEncoder().encode(text);

describe('EditedCsvLines', () => {
  const file = encode('kop\r\naa\r\nb\0b\r\ncc\r\nd\0d\0\r\nee');

  it('finds each line with a NUL once, early or late', () => {
    expect(new EditedCsvLines(file).nulLines()).toEqual([2, 4]);
  });

  it('removes lines and maps byte positions of the copy back to the original lines', () => {
    const edits = new EditedCsvLines(file);
    edits.remove([2, 4], NUL_REASON);
    expect(new TextDecoder().decode(edits.bytes)).toBe('kop\r\naa\r\ncc\r\nee');
    expect(edits.originalLine(0)).toBe(0);
    expect(edits.originalLine(5)).toBe(1);
    expect(edits.originalLine(9)).toBe(3);
    expect(edits.originalLine(13)).toBe(5);
    expect(edits.rejects()).toEqual([
      { record: 2, reason: NUL_REASON, raw: 'b\ufffdb' },
      { record: 4, reason: NUL_REASON, raw: 'd\ufffdd\ufffd' },
    ]);
  });

  it('keeps a file without a final line break whole when its last line goes', () => {
    const edits = new EditedCsvLines(encode('kop\nx\ny\0'));
    edits.remove(edits.nulLines(), NUL_REASON);
    expect(new TextDecoder().decode(edits.bytes)).toBe('kop\nx\n');
  });
});

describe('looksLikeBinary', () => {
  it('lets a text file with a NUL byte in its first line through (its line is rejected)', () => {
    expect(looksLikeBinary(encode('id;feit\n1;ver\0nieling\n2;graffiti\n'))).toBe(false);
  });

  it('still refuses bytes that are mostly not text', () => {
    const rng = createRandom(7);
    const zip = Uint8Array.from({ length: 4000 }, (_, i) => (i < 4 ? 0x50 : rng.int(0, 255)));
    expect(looksLikeBinary(zip)).toBe(true);
    expect(looksLikeBinary(new Uint8Array(100))).toBe(true);
  });
});
