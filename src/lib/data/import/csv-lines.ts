/**
 * Lines of a CSV file that the bulk reader must not see, taken out before it reads and
 * reported as rejected with their line in the file (issue 27, item 12). Used only when a
 * file has such lines: the common case costs one `indexOf(0)` over the bytes and the
 * reader's own reject list, no pass in JavaScript over every line.
 *
 * Record numbers here are physical lines (the header is line 0), as a user counts them in
 * an editor; a file with quoted line breaks that also needs editing is counted the same
 * way, which is the only case where the two counts differ.
 */
import type { StructureReject } from './staged-source';

export const NUL_REASON = 'Ongeldige tekens (NUL) in de regel';
export const UNCLOSED_QUOTE_REASON = 'Aanhalingsteken niet afgesloten';

const NEWLINE = 0x0a;
const MAX_RAW = 2000;

/**
 * Byte offsets at which the lines of `bytes` start (a line ends with \n): a typed array,
 * 8 bytes a line, counted first so that it is allocated once (a 1.5 GB file has ~15M).
 */
function lineStarts(bytes: Uint8Array): Float64Array {
  let count = 1;
  for (let i = bytes.indexOf(NEWLINE); i >= 0 && i + 1 < bytes.length;) {
    count++;
    i = bytes.indexOf(NEWLINE, i + 1);
  }
  const starts = new Float64Array(count);
  let n = 1;
  for (let i = bytes.indexOf(NEWLINE); i >= 0 && i + 1 < bytes.length;) {
    starts[n++] = i + 1;
    i = bytes.indexOf(NEWLINE, i + 1);
  }
  return starts;
}

/** The index of the last entry of the sorted `values` that is <= `position` (-1: none). */
function lastAtOrBefore(values: ArrayLike<number>, position: number): number {
  let lo = -1;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid] <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A UTF-8 CSV file with some of its lines removed: `bytes` is what the reader gets, and a
 * byte position in it maps back to the line of the original file. Only the removed lines
 * are kept in lists; `bytes` is one copy of the kept ranges, made per round of removal.
 */
export class EditedCsvLines {
  private readonly starts: Float64Array;
  private readonly removed = new Map<number, string>();
  /** Where each removed line (in line order) was cut out of `bytes`. */
  private cuts: number[] = [];
  /** Bytes removed before each cut, the cut's own line included. */
  private removedThrough: number[] = [];
  bytes: Uint8Array;

  constructor(private readonly original: Uint8Array) {
    this.starts = lineStarts(original);
    this.bytes = original;
  }

  /** Lines (0 = header) that hold a NUL byte. */
  nulLines(): number[] {
    const lines: number[] = [];
    for (let i = this.original.indexOf(0); i >= 0;) {
      const line = lastAtOrBefore(this.starts, i);
      lines.push(line);
      i = this.original.indexOf(0, this.lineEnd(line));
    }
    return lines;
  }

  /** The original line of byte `position` in `bytes`. */
  originalLine(position: number): number {
    const k = lastAtOrBefore(this.cuts, position);
    const shift = k < 0 ? 0 : this.removedThrough[k];
    return lastAtOrBefore(this.starts, position + shift);
  }

  /** Takes lines of the original file out of `bytes`, with the reason they are rejected. */
  remove(lines: readonly number[], reason: string): void {
    for (const line of lines) if (!this.removed.has(line)) this.removed.set(line, reason);
    const gone = [...this.removed.keys()].sort((a, b) => a - b);
    this.cuts = [];
    this.removedThrough = [];
    let removedBytes = 0;
    for (const line of gone) {
      this.cuts.push(this.starts[line] - removedBytes);
      removedBytes += this.lineEnd(line) - this.starts[line];
      this.removedThrough.push(removedBytes);
    }
    const bytes = new Uint8Array(this.original.length - removedBytes);
    let from = 0;
    let offset = 0;
    for (const line of [...gone, this.starts.length]) {
      const kept = this.original.subarray(from, this.starts[line] ?? this.original.length);
      bytes.set(kept, offset);
      offset += kept.length;
      from = this.lineEnd(line);
    }
    this.bytes = bytes;
  }

  /** The removed lines as rejects: the line number as record, the line's text as raw. */
  rejects(): StructureReject[] {
    const decoder = new TextDecoder();
    return [...this.removed].map(([line, reason]) => ({
      record: line,
      reason,
      raw: decoder
        .decode(this.original.subarray(this.starts[line], this.lineEnd(line)))
        .replace(/\r?\n$/, '')
        .replaceAll('\0', '\ufffd')
        .slice(0, MAX_RAW),
    }));
  }

  private lineEnd(line: number): number {
    return this.starts[line + 1] ?? this.original.length;
  }
}
