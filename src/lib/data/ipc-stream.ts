/**
 * Arrow IPC stream bytes checked before the engine sees them. DuckDB-WASM decodes an
 * inserted stream per connection and keeps what it has read until the stream's end marker
 * arrives (`WebDB::Connection::InsertArrowFromIPCStream` in duckdb-wasm's lib/src/webdb.cc):
 * a truncated stream "succeeds" without creating anything, and every later insert on that
 * connection is appended to the dead stream, so each import and load fails until reload.
 * Hence only whole streams go in. The check walks the message frames (a few per batch, no
 * copy of the data); the engine still validates the contents.
 */
import { Message, MessageHeader } from 'apache-arrow';
import { toIpcStream } from './arrow-build';
import { UserError } from './user-error';

/**
 * The bytes are not a whole Arrow IPC stream. `reason` completes "Het bestand … is" in a
 * caller's Dutch message that names the file; the message is that sentence without a name.
 */
export class IpcStreamError extends UserError {
  constructor(readonly reason: string) {
    super(`Het bestand is ${reason}.`);
  }
}

const CONTINUATION = -1;
const TRUNCATED = 'onvolledig: de gegevens houden halverwege op';
const NOT_A_STREAM = 'geen Arrow-gegevensstroom';
const DAMAGED = 'beschadigd: de indeling van de gegevens klopt niet';

/** The stream's end marker: continuation token and a metadata length of zero. */
function endMarker(): Uint8Array {
  return Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);
}

function decodeMessage(metadata: Uint8Array): Message {
  try {
    return Message.decode(metadata);
  } catch {
    throw new IpcStreamError(DAMAGED);
  }
}

/**
 * The parts to hand the engine, in order: the stream up to and including its end marker,
 * plus an end marker when the writer left it out (the format allows that; the engine would
 * wait for it). Throws IpcStreamError when the bytes stop inside a message, do not start
 * with a schema, or hold a frame that cannot be read.
 */
export function wholeIpcStream(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let messages = 0;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) throw new IpcStreamError(TRUNCATED);
    // Since Arrow 0.15 a frame starts with 0xFFFFFFFF and the metadata length; before, with
    // the length alone. A length of zero is the end marker.
    let prefix = 4;
    let length = view.getInt32(at, true);
    if (length === CONTINUATION) {
      if (at + 8 > bytes.length) throw new IpcStreamError(TRUNCATED);
      length = view.getInt32(at + 4, true);
      prefix = 8;
    }
    if (length === 0) {
      if (messages === 0) throw new IpcStreamError(NOT_A_STREAM);
      const end = at + prefix;
      return [end === bytes.length ? bytes : bytes.subarray(0, end)];
    }
    const metadataEnd = at + prefix + length;
    if (length < 0) throw new IpcStreamError(messages === 0 ? NOT_A_STREAM : DAMAGED);
    if (metadataEnd > bytes.length) throw new IpcStreamError(TRUNCATED);
    const message = decodeMessage(bytes.subarray(at + prefix, metadataEnd));
    if (messages === 0 && message.headerType !== MessageHeader.Schema) {
      throw new IpcStreamError(NOT_A_STREAM);
    }
    const body = Number(message.bodyLength);
    if (!Number.isSafeInteger(body) || body < 0) throw new IpcStreamError(DAMAGED);
    at = metadataEnd + body;
    messages++;
  }
  if (at > bytes.length) throw new IpcStreamError(TRUNCATED);
  if (messages === 0) throw new IpcStreamError(NOT_A_STREAM);
  return [bytes, endMarker()];
}

/**
 * Inserts an Arrow IPC stream (or file) into `target` message group by message group, the
 * way both connectors do: `insert` hands one whole part to the engine; when a part fails
 * the engine may still hold part of the stream, so `reconnect` opens a new connection
 * before the error is passed on.
 */
export async function insertIpcParts(
  bytes: Uint8Array,
  target: string,
  options: { create?: boolean } | undefined,
  insert: (part: Uint8Array, into: { name: string; create: boolean }) => unknown,
  reconnect: () => unknown,
): Promise<void> {
  const parts = wholeIpcStream(toIpcStream(bytes));
  const into = { name: target, create: options?.create ?? false };
  try {
    for (const part of parts) await insert(part, into);
  } catch (error) {
    await reconnect();
    throw error;
  }
}
