/**
 * Which reader a file needs: by content first (magic bytes), by name second, because
 * exports are often renamed (.txt for CSV, .json for GeoJSON).
 */
export type SourceFormat = 'csv' | 'geojson' | 'parquet' | 'arrow';

const startsWith = (bytes: Uint8Array, text: string) =>
  text.split('').every((ch, i) => bytes[i] === ch.charCodeAt(0));

/** Arrow IPC stream: a continuation marker 0xFFFFFFFF followed by a schema message. */
function looksLikeArrowStream(bytes: Uint8Array): boolean {
  return (
    bytes.length > 8 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xff &&
    bytes[2] === 0xff &&
    bytes[3] === 0xff
  );
}

export function detectFormat(fileName: string, bytes: Uint8Array): SourceFormat {
  if (startsWith(bytes, 'PAR1')) return 'parquet';
  if (startsWith(bytes, 'ARROW1') || looksLikeArrowStream(bytes)) return 'arrow';
  const name = fileName.toLowerCase();
  if (name.endsWith('.parquet')) return 'parquet';
  if (name.endsWith('.arrow') || name.endsWith('.feather') || name.endsWith('.ipc')) return 'arrow';
  if (name.endsWith('.geojson')) return 'geojson';
  // JSON text starting with '{' that mentions a FeatureCollection.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  if (bytes[i] === 0x7b) {
    const head = new TextDecoder().decode(bytes.subarray(i, i + 4096));
    if (/"type"\s*:\s*"(FeatureCollection|Feature)"/.test(head)) return 'geojson';
  }
  return 'csv';
}

export const FORMAT_LABELS: Record<SourceFormat, string> = {
  csv: 'CSV',
  geojson: 'GeoJSON',
  parquet: 'Parquet',
  arrow: 'Arrow IPC',
};

/** Double-quoted SQL identifier: only for renaming a file's own column names once. */
export function quoteIdentifier(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}
