/**
 * Enforcement themes of a handhavingsuitvoeringsplan (HUP) and the default mapping from
 * Signalen-style melding categories to themes (shared/reference/meldingen-categories.md).
 * The mapping is data: a municipality edits it in Gegevens; this is only the default.
 */
export const THEMES = [
  'afval',
  'horeca',
  'jeugd',
  'ondermijning',
  'parkeren',
  'honden',
  'woonoverlast',
  'overig',
] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = {
  afval: 'Afval',
  horeca: 'Horeca en Alcoholwet',
  jeugd: 'Jeugdoverlast',
  ondermijning: 'Ondermijning',
  parkeren: 'Parkeren',
  honden: 'Honden',
  woonoverlast: 'Woonoverlast',
  overig: 'Overig en leefbaarheid',
};

/** One row of the category → theme table. sub = '*' matches every sub-category. */
export interface ThemeMappingRow {
  main: string;
  sub: string;
  theme: Theme;
}

export const DEFAULT_THEME_MAPPING: readonly ThemeMappingRow[] = [
  { main: 'afval', sub: '*', theme: 'afval' },
  {
    main: 'overlast-in-de-openbare-ruimte',
    sub: 'lozing-dumping-bodemverontreiniging',
    theme: 'afval',
  },
  { main: 'schoon', sub: 'veegzwerfvuil', theme: 'afval' },
  { main: 'overlast-bedrijven-en-horeca', sub: '*', theme: 'horeca' },
  { main: 'overlast-van-en-door-personen-of-groepen', sub: 'jongerenoverlast', theme: 'jeugd' },
  {
    main: 'overlast-van-en-door-personen-of-groepen',
    sub: 'drank-en-drugsoverlast',
    theme: 'jeugd',
  },
  {
    main: 'overlast-van-en-door-personen-of-groepen',
    sub: 'overlast-door-afsteken-vuurwerk',
    theme: 'jeugd',
  },
  { main: 'ondermijning', sub: '*', theme: 'ondermijning' },
  { main: 'wonen', sub: 'wonen-ondermijning', theme: 'ondermijning' },
  { main: 'wonen', sub: 'woningdelen-spookburgers', theme: 'ondermijning' },
  { main: 'overlast-in-de-openbare-ruimte', sub: 'parkeeroverlast', theme: 'parkeren' },
  { main: 'overlast-in-de-openbare-ruimte', sub: 'auto-scooter-bromfietswrak', theme: 'parkeren' },
  { main: 'schoon', sub: 'uitwerpselen', theme: 'honden' },
  {
    main: 'overlast-van-en-door-personen-of-groepen',
    sub: 'loslopende-agressieve-honden',
    theme: 'honden',
  },
  {
    main: 'overlast-van-en-door-personen-of-groepen',
    sub: 'overige-overlast-door-personen',
    theme: 'woonoverlast',
  },
  { main: 'overlast-in-de-openbare-ruimte', sub: 'stank-geluidsoverlast', theme: 'woonoverlast' },
];

/** Theme for a melding category; specific rows win over '*' rows; 'overig' otherwise. */
export function themeForCategory(
  main: string,
  sub: string,
  mapping: readonly ThemeMappingRow[] = DEFAULT_THEME_MAPPING,
): Theme {
  let wildcard: Theme | null = null;
  for (const row of mapping) {
    if (row.main !== main) continue;
    if (row.sub === sub) return row.theme;
    if (row.sub === '*') wildcard = row.theme;
  }
  return wildcard ?? 'overig';
}

/** Outcomes of an incident, on the escalation ladder informeren → waarschuwen → sanctioneren. */
export const OUTCOMES = [
  'geen actie',
  'informeren',
  'waarschuwing',
  'bestuurlijke strafbeschikking',
  'proces-verbaal',
  'doorverwezen',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const VISIT_KINDS = [
  'surveillance',
  'controle',
  'huisbezoek',
  'bedrijfsbezoek',
  'schouw',
  'koffiegesprek',
] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
