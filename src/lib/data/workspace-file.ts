/**
 * One workspace file (data, mappings, settings) to export and restore elsewhere:
 *
 *   "WIJKRADAR-WS1\n" | uint32 LE header length | header JSON (UTF-8) | blobs
 *
 * The header holds the snapshot manifest and, per table, offset, length and SHA-256 of its
 * Arrow IPC bytes, so truncation or corruption is detected before anything is replaced.
 * It also carries the briefings' stored forecasts (forecast-store.ts), which live outside
 * the workspace's tables but must travel with it: a workspace moved to another computer
 * keeps scoring what its briefings actually forecast.
 * The whole file is gzip-compressed (CompressionStream: browsers and Node ≥ 18).
 */
import type { StepProgress } from './progress';
import { formatByteLimit, inflateChunks } from './inflate';
import { sha256Hex } from './sha256';
import { readStoredForecast, type StoredForecast } from './forecast-store';
import { SnapshotError, type Snapshot, type SnapshotManifest } from './snapshot';
import type { TableName } from './schema';

const MAGIC = 'WIJKRADAR-WS1\n';

interface Entry {
  table: TableName;
  offset: number;
  length: number;
  sha256: string;
}
interface Header {
  manifest: SnapshotManifest;
  entries: Entry[];
  /** Absent in files written before forecasts travelled with the workspace. */
  forecasts?: unknown[];
}

/** A workspace file's content: the snapshot and what travels beside its tables. */
export interface WorkspaceContent extends Snapshot {
  forecasts: StoredForecast[];
}

async function pipeThrough(bytes: Uint8Array, stream: GenerateTransform): Promise<Uint8Array> {
  const body = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}
type GenerateTransform = CompressionStream | DecompressionStream;

export async function encodeWorkspace(
  snapshot: Snapshot,
  forecasts: readonly StoredForecast[] = [],
): Promise<Uint8Array> {
  const entries: Entry[] = [];
  let offset = 0;
  for (const [table, bytes] of snapshot.tables) {
    entries.push({ table, offset, length: bytes.length, sha256: await sha256Hex(bytes) });
    offset += bytes.length;
  }
  const header = new TextEncoder().encode(
    JSON.stringify({
      manifest: snapshot.manifest,
      entries,
      forecasts: [...forecasts],
    } satisfies Header),
  );
  const magic = new TextEncoder().encode(MAGIC);
  const out = new Uint8Array(magic.length + 4 + header.length + offset);
  out.set(magic, 0);
  new DataView(out.buffer).setUint32(magic.length, header.length, true);
  out.set(header, magic.length + 4);
  let position = magic.length + 4 + header.length;
  for (const bytes of snapshot.tables.values()) {
    out.set(bytes, position);
    position += bytes.length;
  }
  return pipeThrough(out, new CompressionStream('gzip'));
}

/**
 * What a workspace may expand to: a browser's engine holds about 3.1 GB, so a larger one
 * could never be restored (issue 27, item 11).
 */
export const MAX_WORKSPACE_BYTES = 3_000_000_000;
/** A table of contents is a few kilobytes; this much is certainly no workspace. */
const MAX_HEADER_BYTES = 16_000_000;

const NOT_A_WORKSPACE = 'Dit bestand is geen (volledige) werkruimte van wijkradar.';
const LIMIT = formatByteLimit(MAX_WORKSPACE_BYTES);
const tooLarge = () =>
  new SnapshotError(
    `Deze werkruimte pakt uit tot meer dan ${LIMIT}; wijkradar opent werkruimtes tot ${LIMIT}. Er is niets gewijzigd.`,
  );
const largerThanDeclared = (size: number) =>
  new SnapshotError(
    `De werkruimte is beschadigd: ze pakt uit tot meer dan de ${formatByteLimit(size)} die haar inhoudsopgave opgeeft (wijkradar opent werkruimtes tot ${LIMIT}). Er is niets gewijzigd.`,
  );

/**
 * The uncompressed workspace, read against its own table of contents: once the header is
 * in, the declared size is known and checked against the limit, the output is allocated
 * once, and the decompressor is stopped as soon as it passes the declared size. A bomb
 * costs what its header declares, never what it expands to.
 */
async function inflateWorkspace(file: Uint8Array): Promise<{ raw: Uint8Array; header: Header }> {
  const magic = new TextEncoder().encode(MAGIC);
  const start = magic.length + 4;
  let head: Uint8Array = new Uint8Array(0);
  let raw: Uint8Array | null = null;
  let header: Header | null = null;
  let written = 0;
  try {
    for await (const chunk of inflateChunks(file, 'gzip')) {
      if (raw) {
        if (written + chunk.length > raw.length) throw largerThanDeclared(raw.length);
        raw.set(chunk, written);
        written += chunk.length;
        continue;
      }
      head = concat(head, chunk);
      if (head.length < start) continue;
      if (!magic.every((b, i) => head[i] === b)) {
        throw new SnapshotError('Dit bestand is geen werkruimte van wijkradar.');
      }
      const headerLength = new DataView(head.buffer).getUint32(magic.length, true);
      if (headerLength > MAX_HEADER_BYTES) throw unreadableHeader();
      if (head.length < start + headerLength) continue;
      header = parseHeader(head.subarray(start, start + headerLength));
      const size = start + headerLength + declaredBlobBytes(header);
      if (size > MAX_WORKSPACE_BYTES) throw tooLarge();
      if (head.length > size) throw largerThanDeclared(size);
      raw = new Uint8Array(size);
      raw.set(head);
      written = head.length;
    }
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(NOT_A_WORKSPACE);
  }
  if (!raw || !header) {
    if (head.length >= start) throw unreadableHeader();
    throw new SnapshotError(NOT_A_WORKSPACE);
  }
  // Short of its declared size: the tables that are incomplete fail their check below.
  return { raw: raw.subarray(0, written), header };
}

const unreadableHeader = () =>
  new SnapshotError('De werkruimte is beschadigd: de inhoudsopgave is onleesbaar.');

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function parseHeader(bytes: Uint8Array): Header {
  try {
    const header = JSON.parse(new TextDecoder().decode(bytes)) as Header;
    if (!Array.isArray(header.entries)) throw new Error('no entries');
    return header;
  } catch {
    throw unreadableHeader();
  }
}

/** Where the last table ends, as the header declares it. */
function declaredBlobBytes(header: Header): number {
  let end = 0;
  for (const entry of header.entries) {
    const { offset, length } = entry;
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0)
      throw unreadableHeader();
    end = Math.max(end, offset + length);
  }
  return end;
}

/** With `progress`: the step 'check', tables checked of all, a cancel checkpoint each. */
export async function decodeWorkspace(
  file: Uint8Array,
  progress?: StepProgress,
): Promise<WorkspaceContent> {
  await progress?.step('check');
  const { raw, header } = await inflateWorkspace(file);
  const magicLength = new TextEncoder().encode(MAGIC).length;
  const headerLength = new DataView(raw.buffer, raw.byteOffset).getUint32(magicLength, true);
  const blobStart = magicLength + 4 + headerLength;
  const tables = new Map<TableName, Uint8Array>();
  const entries = header.entries ?? [];
  for (const [done, entry] of entries.entries()) {
    progress?.advance(done, entries.length);
    const bytes = raw.subarray(blobStart + entry.offset, blobStart + entry.offset + entry.length);
    if (bytes.length !== entry.length || (await sha256Hex(bytes)) !== entry.sha256) {
      throw new SnapshotError(
        `De werkruimte is beschadigd: de gegevens van ${entry.table} kloppen niet.`,
      );
    }
    tables.set(entry.table, bytes);
  }
  // A forecast that is not one (a foreign or damaged entry) is left out, not an error. Its
  // only free text, the label of the data it was made from, is not taken over: nothing
  // shows it, and free text from a file is not stored unchecked (issue 27, item 6).
  const forecasts = (Array.isArray(header.forecasts) ? header.forecasts : []).flatMap((raw) => {
    const forecast = readStoredForecast(raw);
    return forecast === null ? [] : [{ ...forecast, data: '' }];
  });
  return { manifest: header.manifest, tables, forecasts };
}
