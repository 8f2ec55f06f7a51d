/**
 * Draws the wijk/buurt names (layers/area-names.ts) on a canvas of their own above the map
 * and its deck.gl layers: repositioned on every frame so they move with the map, chosen
 * again (without overlaps) after each move. The page's own font, a white halo for contrast
 * on any colour below; the canvas takes no pointer events.
 */
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { areaNamesOfStyle, NAME_SIZE, placeAreaNames, type AreaName } from './layers/area-names';

export function attachAreaNames(map: MapLibreMap, style: () => StyleSpecification | string) {
  const canvas = document.createElement('canvas');
  canvas.className = 'area-names';
  canvas.setAttribute('aria-hidden', 'true');
  Object.assign(canvas.style, {
    position: 'absolute',
    left: '0',
    top: '0',
    zIndex: '1',
    pointerEvents: 'none',
  });
  // deck.gl's overlay is a map control in the top-left corner, its canvas created a little
  // after the control; the names stay the corner's last element, above deck.gl's layers
  // (and below the zoom buttons in the next corner).
  const keepLast = () => {
    const corner = map.getContainer().querySelector('.maplibregl-ctrl-top-left');
    if (corner && corner.lastElementChild !== canvas) corner.append(canvas);
  };
  let placed: AreaName[] = [];

  const project = (p: [number, number]): [number, number] => {
    const point = map.project(p);
    return [point.x, point.y];
  };

  function draw() {
    keepLast();
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.style.width = `${width}px`;
    }
    if (canvas.height !== Math.round(height * ratio)) {
      canvas.height = Math.round(height * ratio);
      canvas.style.height = `${height}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = `${NAME_SIZE}px "DejaVu Sans", Arial, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.fillStyle = '#283038';
    for (const name of placed) {
      const [x, y] = project(name.position);
      if (x < -100 || y < -20 || x > width + 100 || y > height + 20) continue;
      ctx.strokeText(name.name, x, y);
      ctx.fillText(name.name, x, y);
    }
  }

  function place() {
    const names = areaNamesOfStyle(style());
    placed = names ? placeAreaNames(names, map.getZoom(), project) : [];
    canvas.dataset.names = placed.map((n) => n.name).join('|');
    draw();
  }

  map.on('render', draw);
  map.on('moveend', place);
  map.on('load', place);
  return {
    /** After a new base style (offline ↔ PDOK): other names, or none. */
    restyle: place,
    destroy() {
      map.off('render', draw);
      map.off('moveend', place);
      map.off('load', place);
      canvas.remove();
    },
  };
}
