/**
 * Which data the user is looking at, in words: for the header, every briefing slide and
 * the management report (a published dataset shows its "gegevens t/m" date and version).
 */
import { formatDay } from '$lib/format/nl';
import type { DataOrigin, DatasetInfo } from '../app/app-data.svelte';

export function datasetLabel(
  origin: DataOrigin,
  dataset: DatasetInfo | null,
  municipality: string | null = null,
): string {
  if (origin === 'gepubliceerd' && dataset) {
    const until = dataset.dataUntil
      ? `gegevens t/m ${formatDay(dataset.dataUntil)}`
      : 'gepubliceerde gegevens';
    return `${dataset.municipality ?? 'Gemeente'}: ${until} · versie ${dataset.version}`;
  }
  if (origin === 'opgeslagen') {
    return municipality
      ? `${municipalityTitle(municipality)} · eigen werkruimte in deze browser`
      : 'Eigen werkruimte in deze browser';
  }
  return 'Demogemeente Donderdeel (fictief)';
}

/** "Gemeente Zwolle" for "Zwolle"; a name that already says so is kept as it is. */
export function municipalityTitle(name: string): string {
  return /^gemeente\b/i.test(name) ? name : `Gemeente ${name}`;
}
