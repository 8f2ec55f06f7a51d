/**
 * A minimal ZIP writer (stored entries, no compression) for the "Publiceren" download: one
 * file the analyst unpacks next to the app. Format: PKWARE APPNOTE 6.3.x, sections 4.3.7
 * (local file header), 4.3.12 (central directory) and 4.3.16 (end of central directory);
 * names UTF-8 (general purpose bit 11). Arrow files are already compact, so storing
 * keeps it simple and fast; sizes stay below 4 GiB (no ZIP64).
 */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as ZIP uses it). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** DOS date and time of a Date (local fields), as ZIP stores modification times. */
function dosDateTime(date: Date): [number, number] {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return [time, day];
}

export function buildZip(
  files: ReadonlyMap<string, Uint8Array>,
  modified = new Date(),
): Uint8Array {
  const encoder = new TextEncoder();
  const [time, day] = dosDateTime(modified);
  const entries = [...files].map(([name, data]) => ({
    name: encoder.encode(name),
    data,
    crc: crc32(data),
  }));
  const localSize = entries.reduce((s, e) => s + 30 + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((s, e) => s + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  const bytes = (data: Uint8Array) => {
    out.set(data, at);
    at += data.length;
  };
  // What the local header and the central directory entry both say of a file, in order.
  const describe = (e: (typeof entries)[number]) => {
    u16(20); // version needed: 2.0
    u16(0x0800); // UTF-8 names
    u16(0); // stored
    u16(time);
    u16(day);
    u32(e.crc);
    u32(e.data.length); // compressed size
    u32(e.data.length);
    u16(e.name.length);
    u16(0); // extra
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    u32(0x04034b50);
    describe(e);
    bytes(e.name);
    bytes(e.data);
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    u32(0x02014b50);
    u16(20); // made by
    describe(e);
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]);
    bytes(e.name);
  });
  const centralLength = at - centralStart;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralLength);
  u32(centralStart);
  u16(0);
  return out;
}
