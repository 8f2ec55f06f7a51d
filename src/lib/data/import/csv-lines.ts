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

/** Byte offsets at which the lines of `bytes` start (a line ends with \n). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = bytes.indexOf(NEWLINE); i >= 0 && i + 1 < bytes.length;) {
    starts.push(i + 1);
    i = bytes.indexOf(NEWLINE, i + 1);
  }
  return starts;
}

/** The index of the line that holds byte `position`. */
function lineAt(starts: readonly number[], position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A UTF-8 CSV file with some of its lines removed: `bytes` is what the reader gets, and a
 * byte position in it maps back to the line of the original file.
 */
export class EditedCsvLines {
  private readonly starts: number[];
  private readonly removed = new Map<number, string>();
  /** For each line of `bytes`, its line in the original file. */
  private kept: number[];
  private keptStarts: number[];
  bytes: Uint8Array;

  constructor(private readonly original: Uint8Array) {
    this.starts = lineStarts(original);
    this.kept = this.starts.map((_, i) => i);
    this.keptStarts = this.starts;
    this.bytes = original;
  }

  /** Lines (0 = header) that hold a NUL byte. */
  nulLines(): number[] {
    const lines: number[] = [];
    for (let i = this.original.indexOf(0); i >= 0;) {
      const line = lineAt(this.starts, i);
      lines.push(line);
      i = this.original.indexOf(0, this.lineEnd(line));
    }
    return lines;
  }

  /** The original line of byte `position` in `bytes`. */
  originalLine(position: number): number {
    return this.kept[lineAt(this.keptStarts, position)];
  }

  /** Takes lines of the original file out of `bytes`, with the reason they are rejected. */
  remove(lines: readonly number[], reason: string): void {
    for (const line of lines) if (!this.removed.has(line)) this.removed.set(line, reason);
    this.kept = this.starts.map((_, i) => i).filter((i) => !this.removed.has(i));
    const length = this.kept.reduce((sum, i) => sum + this.lineEnd(i) - this.starts[i], 0);
    const bytes = new Uint8Array(length);
    this.keptStarts = [];
    let offset = 0;
    for (const i of this.kept) {
      this.keptStarts.push(offset);
      const line = this.original.subarray(this.starts[i], this.lineEnd(i));
      bytes.set(line, offset);
      offset += line.length;
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
