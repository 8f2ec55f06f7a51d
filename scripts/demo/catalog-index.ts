/**
 * Lookups over catalog.ts: which theme an incident category belongs to, which main
 * category a melding sub-category sits under, and weighted picks from a theme's list.
 * The melding theme always comes from the app's own default mapping (themeForCategory),
 * so the generator and the app agree by construction.
 */
import type { Random } from '../../src/lib/analysis/random';
import {
  OUTCOMES,
  THEMES,
  themeForCategory,
  type Outcome,
  type Theme,
} from '../../src/lib/data/themes';
import { CATALOG, PARTNERS, type IncidentCategory, type MeldingCategory } from './catalog';
import { makePicker } from './sampler';

const incidentThemes = new Map<string, Theme>();
const meldingBySub = new Map<string, MeldingCategory>();
const incidentBySlug = new Map<string, IncidentCategory>();

function registerMelding(c: MeldingCategory): void {
  const known = meldingBySub.get(c.sub);
  if (known && known.main !== c.main) throw new Error(`sub-category ${c.sub} under two mains`);
  if (!known) meldingBySub.set(c.sub, c);
}

for (const theme of THEMES) {
  for (const c of CATALOG[theme].incidents) {
    incidentThemes.set(c.slug, theme);
    incidentBySlug.set(c.slug, c);
  }
  for (const c of CATALOG[theme].meldingen) {
    if (themeForCategory(c.main, c.sub) !== theme) {
      throw new Error(`${c.main}/${c.sub} is listed under ${theme} but maps elsewhere`);
    }
    registerMelding(c);
  }
}
for (const partner of PARTNERS) partner.categories.forEach(registerMelding);

export function incidentTheme(slug: string): Theme {
  const theme = incidentThemes.get(slug);
  if (!theme) throw new Error(`unknown incident category ${slug}`);
  return theme;
}

export function incidentCategory(slug: string): IncidentCategory {
  return incidentBySlug.get(slug)!;
}

export function meldingCategory(sub: string): MeldingCategory {
  const c = meldingBySub.get(sub);
  if (!c) throw new Error(`unknown melding sub-category ${sub}`);
  return c;
}

export function meldingTheme(main: string, sub: string): Theme {
  return themeForCategory(main, sub);
}

/** Theme of a record's category slug in either table. */
export function categoryTheme(slug: string): Theme {
  return incidentThemes.get(slug) ?? meldingTheme(meldingCategory(slug).main, slug);
}

type Picker = (rng: Random) => number;
const incidentPickers = new Map<Theme, Picker>();
const meldingPickers = new Map<Theme, Picker>();
const outcomePickers = new Map<Theme, Picker>();
for (const theme of THEMES) {
  incidentPickers.set(theme, makePicker(CATALOG[theme].incidents.map((c) => c.weight)));
  meldingPickers.set(theme, makePicker(CATALOG[theme].meldingen.map((c) => c.weight)));
  outcomePickers.set(theme, makePicker(CATALOG[theme].outcomes));
}

export function pickIncidentCategory(rng: Random, theme: Theme): IncidentCategory {
  return CATALOG[theme].incidents[incidentPickers.get(theme)!(rng)];
}

export function pickMeldingCategory(rng: Random, theme: Theme): MeldingCategory {
  return CATALOG[theme].meldingen[meldingPickers.get(theme)!(rng)];
}

export function pickOutcome(rng: Random, theme: Theme): Outcome {
  return OUTCOMES[outcomePickers.get(theme)!(rng)];
}

/** Every value written from the catalogue must be safe as a bare CSV field. */
export function assertCsvSafe(values: Iterable<string>): void {
  for (const v of values) if (/[",\r\n]/.test(v)) throw new Error(`needs CSV quoting: ${v}`);
}
