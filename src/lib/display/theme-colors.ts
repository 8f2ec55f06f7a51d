/**
 * Theme colours: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"),
 * distinguishable with the common forms of colour-vision deficiency. Colour is never the
 * only carrier of meaning: legends and tooltips name the theme.
 */
import type { Theme } from '$lib/data/themes';

export type RGB = [number, number, number];

export const THEME_COLORS: Record<Theme, RGB> = {
  afval: [0, 158, 115],
  horeca: [204, 121, 167],
  jeugd: [230, 159, 0],
  ondermijning: [213, 94, 0],
  parkeren: [0, 114, 178],
  honden: [86, 180, 233],
  woonoverlast: [240, 228, 66],
  overig: [90, 90, 90],
};

export function themeColor(theme: string): RGB {
  return THEME_COLORS[theme as Theme] ?? THEME_COLORS.overig;
}

export function rgbCss([r, g, b]: RGB): string {
  return `rgb(${r} ${g} ${b})`;
}
