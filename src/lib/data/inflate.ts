/**
 * Inflating bytes that may lie about what they hold (issue 27, item 11: a 37 MB workspace
 * that expanded to 8 GB took 6.7 GB of memory for 48 s before it was refused). Callers
 * know how much output to expect from a declared size (a ZIP's central directory, a
 * workspace's table of contents) and stop the moment the output passes it, so a bomb
 * costs what it declares, never what it expands to.
 */

/** Compressed input goes in this much at a time: deflate expands at most ~1,032 : 1. */
const INPUT_CHUNK = 16 * 1024;

export type InflateFormat = 'gzip' | 'deflate-raw';

/**
 * The decompressed chunks of `bytes`, as the decompressor produces them. The input is fed
 * in small pieces on demand: handed the whole input at once, a decompressor may expand all
 * of it before the first chunk is read. Stopping the iteration early cancels the stream.
 * A damaged stream rejects (the platform's TypeError).
 */
export async function* inflateChunks(
  bytes: Uint8Array,
  format: InflateFormat,
): AsyncGenerator<Uint8Array, void, void> {
  let at = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        // A copy per piece: a transferred or detached source buffer never reaches the stream.
        controller.enqueue(bytes.slice(at, at + INPUT_CHUNK) as Uint8Array<ArrayBuffer>);
        at += INPUT_CHUNK;
      },
    },
    { highWaterMark: 0 },
  );
  const reader = input.pipeThrough(new DecompressionStream(format)).getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

export interface InflateLimits {
  /** The error for output beyond `size` bytes. */
  tooLarge(): Error;
  /** The error for a damaged stream or output short of `size` bytes. */
  damaged(): Error;
}

/**
 * Inflates `bytes` into exactly `size` bytes, allocated once. Output beyond `size` stops
 * the decompressor at once with `limits.tooLarge()`.
 */
export async function inflateExactly(
  bytes: Uint8Array,
  format: InflateFormat,
  size: number,
  limits: InflateLimits,
): Promise<Uint8Array> {
  const out = new Uint8Array(size);
  let written = 0;
  let overflow = false;
  try {
    for await (const chunk of inflateChunks(bytes, format)) {
      if (written + chunk.length > size) {
        overflow = true;
        break;
      }
      out.set(chunk, written);
      written += chunk.length;
    }
  } catch {
    throw limits.damaged();
  }
  if (overflow) throw limits.tooLarge();
  if (written !== size) throw limits.damaged();
  return out;
}

/** A byte count in Dutch, as the limits are stated to users: "1,5 GB", "64 MB", "2,1 kB". */
export function formatByteLimit(bytes: number): string {
  const [value, unit] =
    bytes >= 1e9 ? [bytes / 1e9, 'GB'] : bytes >= 1e6 ? [bytes / 1e6, 'MB'] : [bytes / 1e3, 'kB'];
  return `${value.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} ${unit}`;
}
