/**
 * One workspace file (data, mappings, settings) to export and restore elsewhere:
 *
 *   "WIJKRADAR-WS1\n" | uint32 LE header length | header JSON (UTF-8) | blobs
 *
 * The header holds the snapshot manifest and, per table, offset, length and SHA-256 of its
 * Arrow IPC bytes, so truncation or corruption is detected before anything is replaced.
 * The whole file is gzip-compressed (CompressionStream: browsers and Node ≥ 18).
 */
import type { StepProgress } from './progress';
import { sha256Hex } from './sha256';
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
}

async function pipeThrough(bytes: Uint8Array, stream: GenerateTransform): Promise<Uint8Array> {
  const body = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}
type GenerateTransform = CompressionStream | DecompressionStream;

export async function encodeWorkspace(snapshot: Snapshot): Promise<Uint8Array> {
  const entries: Entry[] = [];
  let offset = 0;
  for (const [table, bytes] of snapshot.tables) {
    entries.push({ table, offset, length: bytes.length, sha256: await sha256Hex(bytes) });
    offset += bytes.length;
  }
  const header = new TextEncoder().encode(
    JSON.stringify({ manifest: snapshot.manifest, entries } satisfies Header),
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

/** With `progress`: the step 'check', tables checked of all, a cancel checkpoint each. */
export async function decodeWorkspace(
  file: Uint8Array,
  progress?: StepProgress,
): Promise<Snapshot> {
  await progress?.step('check');
  let raw: Uint8Array;
  try {
    raw = await pipeThrough(file, new DecompressionStream('gzip'));
  } catch {
    throw new SnapshotError('Dit bestand is geen (volledige) werkruimte van wijkradar.');
  }
  const magic = new TextEncoder().encode(MAGIC);
  if (raw.length < magic.length + 4 || !magic.every((b, i) => raw[i] === b)) {
    throw new SnapshotError('Dit bestand is geen werkruimte van wijkradar.');
  }
  const headerLength = new DataView(raw.buffer, raw.byteOffset).getUint32(magic.length, true);
  const start = magic.length + 4;
  let header: Header;
  try {
    header = JSON.parse(
      new TextDecoder().decode(raw.subarray(start, start + headerLength)),
    ) as Header;
  } catch {
    throw new SnapshotError('De werkruimte is beschadigd: de inhoudsopgave is onleesbaar.');
  }
  const blobStart = start + headerLength;
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
  return { manifest: header.manifest, tables };
}
