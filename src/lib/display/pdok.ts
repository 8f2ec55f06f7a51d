/**
 * PDOK's BRT Achtergrondkaart (Kadaster) as an optional base map for online users
 * (shared/STACK.md). Off by default: while off, nothing is requested from PDOK. When the
 * style or its tiles cannot be reached the map falls back to the offline style.
 *
 * Switching it on sends the map position to api.pdok.nl, so it takes the user's consent in
 * this browser (shared/PRODUCT.md, Privacy): a link with `?achtergrond=pdok`, or the
 * checkbox, only asks; PDOK is requested once the user has confirmed. The consent is kept
 * in localStorage until the user withdraws it.
 */
export const PDOK_STYLE_URL =
  'https://api.pdok.nl/kadaster/brt-achtergrondkaart/ogc/v1/styles/standaard__webmercatorquad?f=json';

export const PDOK_ATTRIBUTION = 'Kaartgegevens © Kadaster';

export const PDOK_CONSENT_KEY = 'wijkradar.pdok-toestemming';

/** What the map shows: the offline map, PDOK, or the offline map while asking for PDOK. */
export type BasemapShown = 'offline' | 'pdok' | 'vraag';

export function basemapToShow(requested: 'offline' | 'pdok', consented: boolean): BasemapShown {
  if (requested === 'offline') return 'offline';
  return consented ? 'pdok' : 'vraag';
}

type ConsentStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStorage(): ConsentStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked by policy
  }
}

/** Whether this browser has consented; false without storage (then it asks every time). */
export function readPdokConsent(storage = browserStorage()): boolean {
  try {
    return storage?.getItem(PDOK_CONSENT_KEY) === 'ja';
  } catch {
    return false;
  }
}

export function storePdokConsent(consented: boolean, storage = browserStorage()): void {
  try {
    if (consented) storage?.setItem(PDOK_CONSENT_KEY, 'ja');
    else storage?.removeItem(PDOK_CONSENT_KEY);
  } catch {
    // No storage: the consent holds for this page only.
  }
}
