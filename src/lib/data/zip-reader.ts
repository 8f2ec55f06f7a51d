/**
 * Reading a ZIP file (a zipped Shapefile) without trusting it (issue 27, item 11). The
 * central directory declares every entry's size (PKWARE APPNOTE 6.3.x, 4.3.12; ZIP64 in
 * 4.3.14-4.3.15 and the extra field 4.5.3): what is to be unpacked is checked against the
 * caller's limit before anything is inflated, and each entry is inflated into exactly its
 * declared size, so a header that understates its entry is stopped there.
 */
import { formatByteLimit, inflateExactly } from './inflate';

/** A problem with a ZIP file, in Dutch, shown as it is. */
export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const DAMAGED = 'Het zip-bestand is beschadigd of versleuteld en kan niet worden gelezen.';
/** Record signatures (APPNOTE 4.3.7, 4.3.12, 4.3.14-4.3.16). */
const SIGNATURE = {
  end: 0x06054b50,
  zip64Locator: 0x07064b50,
  zip64End: 0x06064b50,
  central: 0x02014b50,
  local: 0x04034b50,
} as const;
const MAX_COMMENT = 0xffff;
const FULL32 = 0xffffffff;

function damaged(): ZipError {
  return new ZipError(DAMAGED);
}

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

/** The central directory's offset and entry count, from the end records. */
function findDirectory(bytes: Uint8Array, view: DataView): { offset: number; count: number } {
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== SIGNATURE.end) continue;
    let offset = view.getUint32(at + 16, true);
    let count = view.getUint16(at + 10, true);
    if (at >= 20 && view.getUint32(at - 20, true) === SIGNATURE.zip64Locator) {
      const record = u64(view, at - 12);
      if (record + 56 > bytes.length || view.getUint32(record, true) !== SIGNATURE.zip64End) {
        throw damaged();
      }
      count = u64(view, record + 32);
      offset = u64(view, record + 48);
    }
    return { offset, count };
  }
  throw damaged();
}

/** ZIP64 extended information: the 64-bit values of the fields that read 0xFFFFFFFF. */
function applyZip64(view: DataView, from: number, to: number, entry: ZipEntry): void {
  for (let at = from; at + 4 <= to;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (entry[key] !== FULL32) continue;
        if (field + 8 > at + 4 + length) throw damaged();
        entry[key] = u64(view, field);
        field += 8;
      }
    }
    at += 4 + length;
  }
}

/** The entries of the central directory, in order. Reads no file data. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw damaged();
  const { offset, count } = findDirectory(bytes, view);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== SIGNATURE.central) throw damaged();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const extraStart = at + 46 + nameLength;
    if (extraStart + extraLength > bytes.length) throw damaged();
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, extraStart)),
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    applyZip64(view, extraStart, extraStart + extraLength, entry);
    entries.push(entry);
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}

/**
 * The contents of the chosen entries, refused with a Dutch message naming `limit` when
 * their declared sizes add up to more, before anything is inflated. An entry that inflates
 * to more than it declared is stopped at its declared size.
 */
export async function readZipEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limit: number,
): Promise<Map<string, Uint8Array>> {
  const stated = `wijkradar leest zip-bestanden tot ${formatByteLimit(limit)} uitgepakt`;
  if (entries.reduce((sum, e) => sum + e.size, 0) > limit) {
    throw new ZipError(
      `Het zip-bestand pakt uit tot meer dan ${formatByteLimit(limit)}; ${stated}.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.encrypted) throw damaged();
    const local = entry.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== SIGNATURE.local)
      throw damaged();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw damaged();
    if (entry.method === 0) {
      if (entry.size !== entry.compressedSize) throw damaged();
      out.set(entry.name, data);
    } else if (entry.method === 8) {
      const tooLarge = () =>
        new ZipError(
          `Het zip-bestand is beschadigd: ${entry.name} pakt uit tot meer dan de ${formatByteLimit(entry.size)} die het opgeeft (${stated}).`,
        );
      out.set(
        entry.name,
        await inflateExactly(data, 'deflate-raw', entry.size, { tooLarge, damaged }),
      );
    } else {
      throw damaged();
    }
  }
  return out;
}
