import { UserError } from '$lib/data/user-error';
/**
 * Chart exports: the canvas as PNG (canvas.toBlob) and a file name that says what and when.
 * The CSV text comes from analysis/csv-export.ts (with small counts suppressed).
 */

/** The canvas as PNG bytes. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new UserError('De grafiek kon niet als afbeelding worden opgeslagen.'));
        return;
      }
      blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
    }, 'image/png');
  });
}

/** 'wijkradar-uur-weekdag-2026-11-23.png': lower-case, dashes, today's local date. */
export function exportFileName(
  name: string,
  extension: 'png' | 'csv' | 'geojson',
  now = new Date(),
): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `wijkradar-${slug}-${day}.${extension}`;
}
