/**
 * PDOK's BRT Achtergrondkaart (Kadaster) as an optional base map for online users
 * (shared/STACK.md). Off by default: while off, nothing is requested from PDOK. When the
 * style or its tiles cannot be reached the map falls back to the offline style.
 */
export const PDOK_STYLE_URL =
  'https://api.pdok.nl/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad?f=json';

export const PDOK_ATTRIBUTION = 'Kaartgegevens © Kadaster';
