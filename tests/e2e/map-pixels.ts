/**
 * What a map draws, read back from the screen: a screenshot of the map element, positioned
 * with the map's own visible box (Web Mercator, no rotation), decoded in a blank page (no
 * app, no content policy in the way).
 */
import type { Locator, Page } from 'playwright-core';

export type RGB = [number, number, number];

export const near = (a: RGB, b: RGB, tolerance = 24) =>
  a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

export interface MapProbe {
  /** Lon/lat positions to sample, each shifted by [dx, dy] pixels. */
  points?: { lon: number; lat: number; offset?: [number, number] }[];
  /** Half the side of the square sampled around each point (0: one pixel). */
  spread?: number;
  /**
   * Colours whose pixels are counted over the whole map: a pixel counts for the listed
   * colour nearest to it (largest channel difference), when within `tolerance`.
   */
  count?: RGB[];
  tolerance?: number;
}

export interface MapPixels {
  /** Per point: the pixels of its square, row by row. */
  points: RGB[][];
  /** Per colour of `count`: how many pixels of the map are that colour. */
  counts: number[];
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

type Box = { x: number; y: number; width: number; height: number };

/** Where a lon/lat lies inside the map's box, in pixels from its top left corner. */
function inMap(box: Box, bbox: string, lon: number, lat: number): [number, number] {
  const [west, south, east, north] = bbox.split(',').map(Number);
  // The canvas fills the map's 1 px border box.
  return [
    1 + ((lon - west) / (east - west)) * (box.width - 2),
    1 +
      ((mercatorY(north) - mercatorY(lat)) / (mercatorY(north) - mercatorY(south))) *
        (box.height - 2),
  ];
}

/** Where a lon/lat lies on the page (for the mouse). */
export async function pagePoint(
  map: Locator,
  bbox: string,
  lon: number,
  lat: number,
): Promise<[number, number]> {
  const box = (await map.boundingBox())!;
  const [x, y] = inMap(box, bbox, lon, lat);
  return [box.x + x, box.y + y];
}

/** `bbox`: the map's visible [west, south, east, north] (a data-bbox attribute). */
export async function probeMap(
  page: Page,
  map: Locator,
  bbox: string,
  probe: MapProbe,
): Promise<MapPixels> {
  const png = (await map.screenshot()).toString('base64');
  const box = (await map.boundingBox())!;
  const positions = (probe.points ?? []).map(({ lon, lat, offset = [0, 0] }) => {
    const [x, y] = inMap(box, bbox, lon, lat);
    return [x + offset[0], y + offset[1]];
  });
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(
      async ({ png, positions, spread, colours, tolerance }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [img.width, img.height];
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const all = ctx.getImageData(0, 0, img.width, img.height).data;
        const at = (x: number, y: number): [number, number, number] => {
          const i = (Math.round(y) * img.width + Math.round(x)) * 4;
          return [all[i], all[i + 1], all[i + 2]];
        };
        const points = positions.map(([px, py]) => {
          const square: [number, number, number][] = [];
          for (let dy = -spread; dy <= spread; dy++) {
            for (let dx = -spread; dx <= spread; dx++) square.push(at(px + dx, py + dy));
          }
          return square;
        });
        const counts = colours.map(() => 0);
        for (let i = 0; i < all.length; i += 4) {
          let best = -1;
          let bestDiff = tolerance;
          colours.forEach((c, k) => {
            const diff = Math.max(...c.map((v, j) => Math.abs(v - all[i + j])));
            if (diff <= bestDiff) [best, bestDiff] = [k, diff];
          });
          if (best >= 0) counts[best]++;
        }
        return { points, counts };
      },
      {
        png,
        positions,
        spread: probe.spread ?? 0,
        colours: probe.count ?? [],
        tolerance: probe.tolerance ?? 24,
      },
    );
  } finally {
    await blank.close();
  }
}
