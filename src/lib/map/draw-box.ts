/**
 * Drawing a rectangle on the map (to filter by area): while enabled, a drag draws a box
 * instead of panning; on release the box's lon/lat bounds are reported.
 */
import type * as maplibregl from 'maplibre-gl';

export function drawBoxOn(
  map: maplibregl.Map,
  onbox: (bbox: [number, number, number, number]) => void,
) {
  const container = map.getCanvasContainer();
  let enabled = false;
  let start: { x: number; y: number } | null = null;
  let frame: HTMLDivElement | null = null;

  const point = (event: PointerEvent) => {
    const rect = container.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const down = (event: PointerEvent) => {
    if (!enabled || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    start = point(event);
    frame = document.createElement('div');
    frame.className = 'draw-box';
    frame.setAttribute('data-testid', 'draw-box');
    Object.assign(frame.style, {
      position: 'absolute',
      border: '2px dashed #154273',
      background: 'rgb(21 66 115 / 0.1)',
      pointerEvents: 'none',
      left: `${start.x}px`,
      top: `${start.y}px`,
    });
    container.appendChild(frame);
    container.setPointerCapture(event.pointerId);
  };
  const move = (event: PointerEvent) => {
    if (!start || !frame) return;
    const p = point(event);
    Object.assign(frame.style, {
      left: `${Math.min(start.x, p.x)}px`,
      top: `${Math.min(start.y, p.y)}px`,
      width: `${Math.abs(p.x - start.x)}px`,
      height: `${Math.abs(p.y - start.y)}px`,
    });
  };
  const up = (event: PointerEvent) => {
    if (!start) return;
    const p = point(event);
    frame?.remove();
    frame = null;
    const a = map.unproject([start.x, start.y]);
    const b = map.unproject([p.x, p.y]);
    start = null;
    if (Math.abs(a.lng - b.lng) < 1e-6 || Math.abs(a.lat - b.lat) < 1e-6) return;
    onbox([
      Math.min(a.lng, b.lng),
      Math.min(a.lat, b.lat),
      Math.max(a.lng, b.lng),
      Math.max(a.lat, b.lat),
    ]);
  };
  container.addEventListener('pointerdown', down, { capture: true });
  container.addEventListener('pointermove', move);
  container.addEventListener('pointerup', up);

  return {
    enable(on: boolean) {
      if (on === enabled) return;
      enabled = on;
      if (on) map.dragPan.disable();
      else map.dragPan.enable();
      container.style.cursor = on ? 'crosshair' : '';
    },
    destroy() {
      container.removeEventListener('pointerdown', down, { capture: true });
      container.removeEventListener('pointermove', move);
      container.removeEventListener('pointerup', up);
    },
  };
}
