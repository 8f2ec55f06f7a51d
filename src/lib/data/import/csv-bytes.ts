/**
 * A CSV file's bytes read in chunks, so that staging a file of up to 1.5 GB never holds
 * it as one string (V8 stops at ~536M characters) nor copies it more than needed (issue
 * 27, item 9). The input is either bytes already in memory or a Blob (the File a user
 * chose, read by the engine itself in the browser); every pass here reads one chunk at a
 * time, and only the sample that decides delimiter and header is decoded as a whole.
 */
import { decodeWindows1252, type TextEncodingName } from './sniff-text';

/** A file to import: bytes in memory, or a Blob such as the File a user chose. */
export type SourceBytes = Uint8Array | Blob;

/** Bytes per chunk of a pass over the file: a few milliseconds of work each. */
export const CHUNK_BYTES = 8 << 20;

export const sizeOf = (input: SourceBytes): number =>
  input instanceof Uint8Array ? input.length : input.size;

/** Bytes `start` … `end` of the input: a view of bytes in memory, a read of a Blob. */
export async function readRange(
  input: SourceBytes,
  start: number,
  end: number,
): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input.subarray(start, end);
  return new Uint8Array(await input.slice(start, end).arrayBuffer());
}

/** The input without its first `n` bytes, without copying. */
export const dropStart = (input: SourceBytes, n: number): SourceBytes =>
  input instanceof Uint8Array ? input.subarray(n) : input.slice(n);

/** Up to this size a Blob is read in one go (see wholeBytes). */
const WHOLE_READ_BYTES = 256 << 20;

/**
 * The whole input in memory. Up to 256 MB in one read (a 35 MB file took 30 ms in Chromium
 * against 85 ms in 8 MB slices copied together); a larger one as `chunkedBytes` does.
 */
export async function wholeBytes(input: SourceBytes, signal?: AbortSignal): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input;
  signal?.throwIfAborted();
  if (input.size <= WHOLE_READ_BYTES) return new Uint8Array(await input.arrayBuffer());
  return chunkedBytes(input, signal);
}

/**
 * The whole input in memory, allocated once and filled chunk by chunk (Node's
 * `Blob.arrayBuffer()` held a file twice over while it read it).
 */
export async function chunkedBytes(input: SourceBytes, signal?: AbortSignal): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input;
  const out = new Uint8Array(input.size);
  for (let start = 0; start < input.size; start += CHUNK_BYTES) {
    signal?.throwIfAborted();
    out.set(await readRange(input, start, Math.min(input.size, start + CHUNK_BYTES)), start);
  }
  return out;
}

/** `signal` (Annuleren) is checked before each chunk: a pass stops within one chunk. */
async function* chunksOf(
  input: SourceBytes,
  chunkBytes: number,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const size = sizeOf(input);
  for (let start = 0; start < size; start += chunkBytes) {
    signal?.throwIfAborted();
    yield await readRange(input, start, Math.min(size, start + chunkBytes));
  }
}

export interface CsvByteScan {
  encoding: TextEncodingName;
  /** True when a NUL byte occurs anywhere (its line is rejected, see csv-lines.ts). */
  hasNul: boolean;
}

/**
 * One pass over the file: its encoding (sniff-text's detectEncoding, streamed: UTF-8 with
 * a BOM, valid UTF-8, else Windows-1252) and whether it holds a NUL byte. The validating
 * decoder's output is one chunk's worth at a time and dropped.
 */
export async function scanCsvBytes(
  input: SourceBytes,
  chunkBytes = CHUNK_BYTES,
  signal?: AbortSignal,
): Promise<CsvByteScan> {
  const head = await readRange(input, 0, 3);
  const bom = head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  // Until the first byte over 0x7F the file is ASCII, valid UTF-8 without decoding: the
  // decoder starts at the first chunk holding one (its state is empty at a chunk boundary).
  let ascii = true;
  let hasNul = false;
  for await (const chunk of chunksOf(input, chunkBytes, signal)) {
    hasNul ||= chunk.indexOf(0) >= 0;
    if (ascii) ascii = isAscii(chunk);
    if (!bom && valid && !ascii) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
    if (hasNul && (bom || !valid)) break; // nothing left to learn
  }
  return { encoding: bom ? 'utf-8-bom' : valid ? 'utf-8' : 'windows-1252', hasNul };
}

/**
 * True when no byte is over 0x7F: four bytes at a time where aligned, a tenth of the cost
 * of decoding the chunk into a string.
 */
export function isAscii(bytes: Uint8Array): boolean {
  const start = Math.min(bytes.length, (4 - (bytes.byteOffset % 4)) % 4);
  const words = (bytes.length - start) >>> 2;
  let high = 0;
  for (let i = 0; i < start; i++) high |= bytes[i];
  const aligned = new Uint32Array(bytes.buffer, bytes.byteOffset + start, words);
  for (let i = 0; i < words; i++) high |= aligned[i];
  for (let i = start + words * 4; i < bytes.length; i++) high |= bytes[i];
  return (high & 0x80808080) === 0;
}

/** UTF-8 length of each Windows-1252 byte: 1 for ASCII, 3 for €, „, … (U+0800 and up), else 2. */
const UTF8_LENGTH = Uint8Array.from({ length: 256 }, (_, b) => {
  if (b < 0x80) return 1;
  const code = decodeWindows1252(Uint8Array.of(b)).charCodeAt(0);
  return code < 0x800 ? 2 : 3;
});

/**
 * A Windows-1252 file re-encoded as UTF-8, one chunk at a time (each byte is one
 * character, so a chunk boundary never splits one). Bytes in memory become one buffer of
 * the exact UTF-8 length, allocated once; a Blob becomes a Blob built from the chunks.
 */
export async function transcodeWindows1252(
  input: SourceBytes,
  chunkBytes = CHUNK_BYTES,
  signal?: AbortSignal,
): Promise<SourceBytes> {
  const encoder = new TextEncoder();
  if (input instanceof Blob) {
    let out = new Blob([]);
    for await (const chunk of chunksOf(input, chunkBytes, signal)) {
      out = new Blob([out, encoder.encode(decodeWindows1252(chunk)) as Uint8Array<ArrayBuffer>]);
    }
    return out;
  }
  let length = 0;
  for (let i = 0; i < input.length; i++) length += UTF8_LENGTH[input[i]];
  const out = new Uint8Array(length);
  let offset = 0;
  for await (const chunk of chunksOf(input, chunkBytes, signal)) {
    offset += encoder.encodeInto(decodeWindows1252(chunk), out.subarray(offset)).written;
  }
  return out;
}
