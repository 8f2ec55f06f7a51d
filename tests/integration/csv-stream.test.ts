/**
 * Staging a CSV in chunks (issue 27, item 9): with chunks of 4 KB and a sample of 8 KB, a
 * file of ~90 KB is staged exactly as a whole read would — a quoted line break, a
 * Windows-1252 € and a UTF-8 é on chunk boundaries, a BOM, NUL and unclosed-quote lines
 * far beyond the sample — while no string longer than the sample is ever decoded. A file
 * over 1.5 GB is refused before a byte of it is read.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { NUL_REASON, UNCLOSED_QUOTE_REASON } from '../../src/lib/data/import/csv-lines';
import { stageCsv } from '../../src/lib/data/import/stage-csv';
import { ImportError, stageSource } from '../../src/lib/data/import/stage';

const CHUNK = 4096;
const SAMPLE = 8192;
const CHUNKING = { chunkBytes: CHUNK, sampleBytes: SAMPLE };
const ROWS = 3000;

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
});
afterAll(() => conn.close());
afterEach(() => vi.restoreAllMocks());

/** `id;omschrijving;bedrag` records; `special` replaces the omschrijving of some rows. */
function csvText(special: Record<number, string> = {}): string {
  const lines = ['id;omschrijving;bedrag'];
  for (let i = 1; i <= ROWS; i++) lines.push(`R${i};${special[i] ?? `melding ${i}`};${i},50`);
  return lines.join('\r\n') + '\r\n';
}

/** Pads row `row`'s omschrijving so that `marker` (in `text`) starts at byte `at`. */
function placeAt(row: number, value: (pad: string) => string, marker: string, at: number) {
  const text = (pad: string) => csvText({ [row]: value(pad) });
  const offset = new TextEncoder().encode(text('').split(marker)[0]).length;
  return text('x'.repeat(at - offset));
}

const encodeWindows1252 = (text: string) =>
  Uint8Array.from(text, (ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0)));

async function omschrijving(row: number): Promise<string> {
  const [{ value }] = await conn.query<{ value: string }>({
    sql: 'SELECT c1 AS value FROM import_raw WHERE c0 = ?',
    params: [`R${row}`],
  });
  return value;
}

/** The longest string any TextDecoder returns and any TextEncoder is given meanwhile. */
function watchStrings() {
  let longest = 0;
  const decode = TextDecoder.prototype.decode;
  vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (this: TextDecoder, ...a) {
    const text = decode.apply(this, a);
    longest = Math.max(longest, text.length);
    return text;
  });
  const encodeInto = TextEncoder.prototype.encodeInto;
  vi.spyOn(TextEncoder.prototype, 'encodeInto').mockImplementation(function (
    this: TextEncoder,
    text,
    out,
  ) {
    longest = Math.max(longest, text.length);
    return encodeInto.call(this, text, out);
  });
  return () => longest;
}

describe('a CSV staged in chunks', () => {
  it('reads a quoted line break across a chunk boundary, decoding no more than the sample', async () => {
    // 'eerste regel' is 12 bytes: \r ends one chunk, \n starts the next.
    const text = placeAt(
      2000,
      (pad) => `"${pad}eerste regel\r\ntweede regel"`,
      'eerste',
      16 * CHUNK - 13,
    );
    const bytes = new TextEncoder().encode(text);
    expect(bytes.subarray(16 * CHUNK - 1, 16 * CHUNK + 1)).toEqual(Uint8Array.of(0x0d, 0x0a));
    expect(bytes.length).toBeGreaterThan(10 * SAMPLE);
    const longest = watchStrings();
    const staged = await stageCsv(conn, bytes, CHUNKING);
    expect(longest()).toBeLessThanOrEqual(SAMPLE);
    expect(staged).toMatchObject({ encoding: 'utf-8', delimiter: ';', rowCount: ROWS });
    expect(staged.headers).toEqual(['id', 'omschrijving', 'bedrag']);
    expect(await omschrijving(2000)).toMatch(/x+eerste regel\r\ntweede regel$/);
  });

  it('keeps a UTF-8 é split over two chunks as UTF-8', async () => {
    const text = placeAt(2500, (pad) => `${pad}é op de grens`, 'é op', 40 * CHUNK - 1);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.subarray(40 * CHUNK - 1, 40 * CHUNK + 1)).toEqual(Uint8Array.of(0xc3, 0xa9));
    const staged = await stageCsv(conn, bytes, CHUNKING);
    expect(staged.encoding).toBe('utf-8');
    expect(await omschrijving(2500)).toMatch(/x+é op de grens$/);
  });

  it.each([
    ['bytes', (b: Uint8Array) => b],
    ['a Blob (the chosen File)', (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>])],
  ])(
    're-encodes Windows-1252 chunk by chunk, € and é on chunk boundaries, from %s',
    async (_, wrap) => {
      const text = placeAt(2800, (pad) => `${pad}€é boete`, '€é', 50 * CHUNK - 1);
      const bytes = encodeWindows1252(text);
      expect(bytes.subarray(50 * CHUNK - 1, 50 * CHUNK + 1)).toEqual(Uint8Array.of(0x80, 0xe9));
      const longest = watchStrings();
      const staged = await stageCsv(conn, wrap(bytes), CHUNKING);
      expect(longest()).toBeLessThanOrEqual(SAMPLE);
      expect(staged).toMatchObject({ encoding: 'windows-1252', rowCount: ROWS });
      expect(await omschrijving(2800)).toMatch(/x+€é boete$/);
    },
  );

  it('drops a BOM: the first column is called id', async () => {
    const body = new TextEncoder().encode(csvText());
    const bytes = new Uint8Array(body.length + 3);
    bytes.set([0xef, 0xbb, 0xbf]);
    bytes.set(body, 3);
    const staged = await stageCsv(conn, new Blob([bytes]), CHUNKING);
    expect(staged).toMatchObject({ encoding: 'utf-8-bom', rowCount: ROWS });
    expect(staged.headers[0]).toBe('id');
    expect(await omschrijving(1)).toBe('melding 1');
  });

  it('rejects a NUL line and an unclosed quote far beyond the sample, each with its reason', async () => {
    const bytes = new TextEncoder().encode(
      csvText({ 2500: 'ver\0nield', 2700: '"nooit gesloten' }),
    );
    const staged = await stageCsv(conn, new Blob([bytes]), CHUNKING);
    expect(staged.rowCount).toBe(ROWS - 2);
    expect(staged.structureRejects).toEqual([
      { record: 2500, reason: NUL_REASON, raw: 'R2500;ver\ufffdnield;2500,50' },
      { record: 2700, reason: UNCLOSED_QUOTE_REASON, raw: 'R2700;"nooit gesloten;2700,50' },
    ]);
    expect(await omschrijving(2701)).toBe('melding 2701');
  });
});

describe('the size limit', () => {
  it('refuses a file over 1.5 GB in Dutch before reading any of it', async () => {
    const read = vi.fn();
    const huge = new (class extends Blob {
      override get size() {
        return 1_600_000_000;
      }
      override slice(...args: Parameters<Blob['slice']>) {
        read();
        return super.slice(...args);
      }
    })(['id;x\n1;2\n']);
    const refusal = stageSource(conn, 'groot.csv', huge);
    await expect(refusal).rejects.toThrow(ImportError);
    await expect(refusal).rejects.toThrow(
      'Het bestand is groter dan 1,5 GB; splits het, bijvoorbeeld per jaar.',
    );
    expect(read).not.toHaveBeenCalled();
  });
});
