/**
 * First look at an uploaded CSV: which encoding, which delimiter, and a small sample of
 * parsed rows for the column-mapping preview. Pure TypeScript: the bulk read happens later
 * in DuckDB with the plan these functions return.
 *
 * Dutch exports come from two worlds: web systems (UTF-8, comma) and Excel "CSV
 * (gescheiden door lijstscheidingsteken)" (Windows-1252, semicolon, decimal commas).
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252';

const CHUNK = 1 << 20;

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * UTF-8 with a byte-order mark → 'utf-8-bom'; bytes that are valid UTF-8 → 'utf-8';
 * anything else → 'windows-1252' (Excel on a Dutch Windows machine).
 *
 * The check streams, so a prefix of a file that ends in the middle of a multi-byte
 * character still counts as UTF-8: callers may pass only the first megabytes.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (hasUtf8Bom(bytes)) return 'utf-8-bom';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let start = 0; start < bytes.length; start += CHUNK) {
      decoder.decode(bytes.subarray(start, start + CHUNK), { stream: true });
    }
  } catch {
    return 'windows-1252';
  }
  return 'utf-8';
}

/**
 * True for UTF-16 text (Excel's "Unicode-tekst" export): a UTF-16 BOM, or NUL bytes in
 * every other position. Not one of the supported encodings; the pipeline should refuse
 * such a file with a message ("sla op als CSV UTF-8") instead of decoding garbage.
 */
export function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return true;
  }
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  return Math.max(evenNul, oddNul) / pairs > 0.4 && Math.min(evenNul, oddNul) / pairs < 0.05;
}

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG Encoding table; the five unassigned bytes map to
 * the C1 control of the same number, as browsers do). Every other byte is its Latin-1
 * code point. Decoded by hand because Node builds without full ICU lack this decoder.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(bytes.length, 8192));
  for (let start = 0; start < bytes.length; start += units.length) {
    const end = Math.min(start + units.length, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      units[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}

/** Decodes with the given or detected encoding; a UTF-8 BOM is always stripped. */
export function decodeText(
  bytes: Uint8Array,
  encoding: TextEncodingName = detectEncoding(bytes),
): { text: string; encoding: TextEncodingName } {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  // ignoreBOM: the BOM was removed above; a second one would be content.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  return { text, encoding };
}

export type Delimiter = ',' | ';' | '\t';

const DELIMITERS: readonly Delimiter[] = ['\t', ';', ','];
const SNIFF_RECORDS = 50;
const SNIFF_CHARS = 1 << 20;

/**
 * Excel honours a first line `sep=;` that names the delimiter. Returns that delimiter, or
 * null. readCsvSample skips the line; the bulk reader must skip it too (DuckDB `skip = 1`).
 */
export function readExcelSepLine(text: string): Delimiter | null {
  const match = /^\uFEFF?"?sep=(.)"?\r?(\n|$)/i.exec(text.slice(0, 16));
  if (!match) return null;
  const d = match[1];
  return d === ',' || d === ';' || d === '\t' ? d : null;
}

interface ParsedRecords {
  records: string[][];
  /** True when the text had more records after the last one returned. */
  more: boolean;
}

/**
 * RFC 4180 records, leniently: a quote opens a quoted field only at the field's start;
 * `""` inside quotes is a quote; text after a closing quote is kept; an unterminated quote
 * runs to the end of the text. \r\n, \n and a lone \r end a record. Blank lines are
 * skipped. Never throws.
 */
function parseRecords(
  text: string,
  delimiter: string,
  maxRecords: number,
  start = 0,
): ParsedRecords {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let lineHasContent = false; // blank lines are skipped, not returned as records
  let i = start;
  const n = text.length;

  while (i < n) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      if (lineHasContent) {
        record.push(field);
        records.push(record);
      }
      record = [];
      field = '';
      atFieldStart = true;
      lineHasContent = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (records.length >= maxRecords) return { records, more: true };
    lineHasContent = true;
    if (ch === delimiter) {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '"' && atFieldStart) {
      atFieldStart = false;
      i = readQuoted(text, i + 1, (value) => (field = value));
    } else {
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (lineHasContent) {
    if (records.length >= maxRecords) return { records, more: true };
    record.push(field);
    records.push(record);
  }
  return { records, more: false };
}

/** Reads a quoted field's value from just after its opening quote; returns the next index. */
function readQuoted(text: string, from: number, set: (value: string) => void): number {
  let value = '';
  let i = from;
  for (;;) {
    const close = text.indexOf('"', i);
    if (close < 0) {
      set(value + text.slice(i)); // unterminated: the rest of the text
      return text.length;
    }
    value += text.slice(i, close);
    if (text[close + 1] === '"') {
      value += '"';
      i = close + 2;
    } else {
      set(value);
      return close + 1;
    }
  }
}

function skipSepLine(text: string): number {
  if (readExcelSepLine(text) === null) return 0;
  const nl = text.search(/\r?\n|\r/);
  if (nl < 0) return text.length;
  return text[nl] === '\r' && text[nl + 1] === '\n' ? nl + 2 : nl + 1;
}

/**
 * The delimiter of a CSV text, judged over its first ~50 records with a quote-aware
 * parser. The header decides the number of columns: a candidate qualifies when it splits
 * the header into more than one field, and scores by the share of records with the
 * header's field count. Ties go to tab, then ';', then ','. This is what makes Dutch Excel
 * files come out right: in `1,5;2,5` both ',' and ';' split consistently, but a ';' that
 * separates every record the same way is a delimiter, while commas inside values (decimal
 * commas, text) are common. A single-column file gets the candidate that occurs least.
 * `partOfFile`: the text is the start of a longer file (its last record may be cut off).
 */
export function detectDelimiter(text: string, partOfFile = false): Delimiter {
  const declared = readExcelSepLine(text);
  if (declared) return declared;
  let sample = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  if (sample.length > 0 && sample.charCodeAt(0) === 0xfeff) sample = sample.slice(1);
  const cut = partOfFile || text.length > SNIFF_CHARS;

  let best: Delimiter | null = null;
  let bestScore = -1;
  const occurrences = new Map<Delimiter, number>();
  for (const delimiter of DELIMITERS) {
    const { records } = parseRecords(sample, delimiter, SNIFF_RECORDS + 1);
    // A record cut off by the sniffing window says nothing about the field count.
    const judged = cut && records.length > 1 ? records.slice(0, -1) : records;
    occurrences.set(
      delimiter,
      judged.reduce((sum, r) => sum + r.length - 1, 0),
    );
    const columns = judged[0]?.length ?? 0;
    if (columns < 2) continue;
    const consistent = judged.filter((r) => r.length === columns).length / judged.length;
    if (consistent > bestScore) {
      best = delimiter;
      bestScore = consistent;
    }
  }
  if (best) return best;
  // Single column: any delimiter that does not occur keeps every value whole.
  return (['\t', ';', ','] as const).reduce((a, b) =>
    (occurrences.get(b) ?? 0) <= (occurrences.get(a) ?? 0) ? b : a,
  );
}

export interface CsvSample {
  header: string[];
  rows: string[][];
  truncated: boolean;
}

/**
 * The header and the first `maxRows` data rows. Header names are trimmed; values are
 * kept exactly as written. Ragged rows are kept as they are: the pipeline reports them.
 * A leading BOM character and an Excel `sep=` line are skipped. Never throws.
 */
export function readCsvSample(text: string, delimiter: Delimiter, maxRows: number): CsvSample {
  const source = typeof text === 'string' ? text : '';
  const bomSkip = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const start = bomSkip + skipSepLine(source.slice(bomSkip));
  const limit = Number.isFinite(maxRows) && maxRows > 0 ? Math.floor(maxRows) : 0;
  const { records, more } = parseRecords(source, delimiter, limit + 1, start);
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows, truncated: more };
}
