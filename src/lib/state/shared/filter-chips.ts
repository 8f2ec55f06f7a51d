/**
 * The active filters as removable chips ("Thema: Jeugdoverlast ×"): one chip per value, so
 * filters can be taken off one by one.
 */
import { DEFAULT_DAGDELEN, type Dagdeel } from '$lib/analysis/dagdelen';
import { THEME_LABELS } from '$lib/data/themes';
import { formatDay } from '$lib/format/nl';
import { SOURCE_LABELS, WEEKDAY_LABELS, type FilterSelection } from './filter-url';

export interface FilterChip {
  /** Stable key for keyed lists and tests, e.g. 'thema:jeugd'. */
  key: string;
  /** Dutch text, e.g. 'Thema: Jeugdoverlast'. */
  label: string;
  /** The selection without this chip. */
  without: FilterSelection;
}

export interface ChipLabels {
  /** Wijk, buurt and gemeente names by code (a code without a name is shown as it is). */
  areaNames?: ReadonlyMap<string, string>;
  dagdelen?: readonly Dagdeel[];
}

type ListField =
  | 'sources'
  | 'themes'
  | 'categories'
  | 'outcomes'
  | 'dagdelen'
  | 'weekdays'
  | 'wijken'
  | 'buurten'
  | 'gemeenten';

export function filterChips(selection: FilterSelection, labels: ChipLabels = {}): FilterChip[] {
  const chips: FilterChip[] = [];
  const dagdelen = labels.dagdelen ?? DEFAULT_DAGDELEN;
  const area = (code: string) => labels.areaNames?.get(code) ?? code;
  if (selection.from || selection.to) {
    const from = selection.from ? formatDay(selection.from) : 'begin';
    const to = selection.to ? formatDay(selection.to) : 'einde';
    chips.push({
      key: 'periode',
      label: `Periode: ${from} t/m ${to}`,
      without: { ...selection, from: null, to: null },
    });
  }
  const add = <F extends ListField>(
    field: F,
    name: string,
    text: (value: FilterSelection[F][number]) => string,
  ) => {
    for (const value of selection[field]) {
      chips.push({
        key: `${field}:${value}`,
        label: `${name}: ${text(value as FilterSelection[F][number])}`,
        without: {
          ...selection,
          [field]: (selection[field] as unknown[]).filter((v) => v !== value),
        },
      });
    }
  };
  add('sources', 'Bron', (t) => SOURCE_LABELS[t]);
  add('themes', 'Thema', (t) => THEME_LABELS[t as keyof typeof THEME_LABELS] ?? t);
  add('categories', 'Categorie', (c) => c);
  add('outcomes', 'Afdoening', (o) => o);
  add('dagdelen', 'Dagdeel', (id) => dagdelen.find((d) => d.id === id)?.label ?? id);
  add('weekdays', 'Dag', (d) => WEEKDAY_LABELS[d - 1]);
  add('wijken', 'Wijk', area);
  add('buurten', 'Buurt', area);
  add('gemeenten', 'Gemeente', area);
  if (selection.bbox) {
    chips.push({ key: 'gebied', label: 'Getekend gebied', without: { ...selection, bbox: null } });
  }
  return chips;
}
