/**
 * The data version in a shared link: "Link kopiëren" adds the version of the published
 * dataset that is open (`versie`), and a page opened from a link made on another version
 * says so, because its figures may differ. The demo and a browser's own workspace have no
 * version another browser could have too, so their links carry none. Views never write
 * the key: the address bar shows the view, the copied link also says on which data.
 */
import { formatDay } from '$lib/format/nl';
import type { DataOrigin, DatasetInfo } from '../app/app-data.svelte';
import { readKey, URL_KEYS, writeKey, type PageUrlCodec } from './url-keys';

/** What a link says about the data, and what is open now. */
export interface OpenData {
  origin: DataOrigin;
  dataset: DatasetInfo | null;
}

/** The `versie` key, as the registry reads and writes it. */
export const linkVersionUrlCodec: PageUrlCodec<string | null> = {
  keys: ['versie'],
  parse: (params) => readKey(params, 'versie'),
  write(params, version) {
    const next = new URLSearchParams(params);
    writeKey(next, 'versie', version);
    return next;
  },
};

/** The version a link names: the open published dataset's, else none. */
export function linkedVersionOf(data: OpenData): string | null {
  if (data.origin !== 'gepubliceerd' || !data.dataset) return null;
  const { version } = data.dataset;
  // A version the key cannot carry (longer than the registry allows) is left out.
  return URL_KEYS.versie.codec.parse(version);
}

/**
 * The address to share: `href` with the open data's version, or without a version where
 * the data has none. Unchanged when there is nothing to change.
 */
export function sharedLink(href: string, data: OpenData): string {
  const url = new URL(href);
  const version = linkedVersionOf(data);
  if (url.searchParams.get('versie') === version) return href;
  url.search = linkVersionUrlCodec.write(url.searchParams, version).toString();
  return url.toString();
}

/**
 * The notice for a page opened from a link made on other data, or null: no version in
 * the link, or the same version open now.
 */
export function versionNotice(params: URLSearchParams, data: OpenData): string | null {
  const linked = linkVersionUrlCodec.parse(params);
  if (linked === null || linked === linkedVersionOf(data)) return null;
  return (
    `Deze link is gemaakt op de gegevens van versie ${linked}; ` +
    `u ziet nu ${openDataInWords(data)}. Cijfers kunnen afwijken.`
  );
}

function openDataInWords({ origin, dataset }: OpenData): string {
  if (origin === 'gepubliceerd' && dataset) {
    const until = dataset.dataUntil ? ` (t/m ${formatDay(dataset.dataUntil)})` : '';
    return `de gegevens van versie ${dataset.version}${until}`;
  }
  if (origin === 'opgeslagen') return 'de eigen werkruimte in deze browser';
  return 'de demogemeente Donderdeel (fictief)';
}
