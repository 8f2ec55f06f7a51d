/**
 * The map as a PNG to take away: MapLibre's canvas (the base map) with deck.gl's overlaid
 * canvas on top (both keep their drawing buffer, map-action.ts), and a caption band below
 * with what the map shows and when it was made. Nothing leaves the tab.
 */
import { canvasToPng } from '$lib/charts/export';

const CAPTION_PX = 44;

/** Composites the canvases inside a map container; throws when none is drawn yet. */
export async function mapToPng(container: HTMLElement, caption: string): Promise<Uint8Array> {
  const canvases = Array.from(container.querySelectorAll('canvas'));
  const base = canvases.find((c) => c.classList.contains('maplibregl-canvas'));
  if (!base || base.width === 0) throw new Error('De kaart is nog niet getekend.');
  const scale = base.width / base.clientWidth || 1;
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height + Math.round(CAPTION_PX * scale);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const canvas of canvases) ctx.drawImage(canvas, 0, 0, base.width, base.height);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `${Math.round(14 * scale)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  const lines = caption.split('\n').slice(0, 2);
  lines.forEach((line, i) =>
    ctx.fillText(line, 8 * scale, base.height + (12 + i * 18) * scale, out.width - 16 * scale),
  );
  return canvasToPng(out);
}
