/**
 * How the labels in real exports find their theme: one normaliser for the app's theme
 * keys and names, the Dutch labels municipalities use ("Jeugdoverlast", "Horeca /
 * Alcoholwet", "Overlast café") and Signalen's category names and slugs. The same rule
 * exists twice — in TypeScript (tests, the screen) and as SQL (the import, which
 * normalises only the few distinct values of a file, never a million rows) — and the
 * integration tests check that both agree.
 */
import {
  DEFAULT_THEME_MAPPING,
  THEME_LABELS,
  THEMES,
  type Theme,
  type ThemeMappingRow,
} from './themes';

/**
 * Lower case, accents stripped, every run of punctuation and white space one space, and
 * the word "en" dropped: `/`, `-`, `&` and "en" join two words the same way
 * ("Horeca / Alcoholwet" = "horeca-en-alcoholwet"), and a slug equals its display name.
 */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && word !== 'en')
    .join(' ');
}

/** normalizeLabel as SQL over a text expression (NULL stays NULL; '' when only punctuation). */
export function normalizedLabelSql(text: string): string {
  const words = `regexp_replace(lower(strip_accents(${text})), '[^a-z0-9]+', ' ', 'g')`;
  // Padded with spaces so that a leading, inner or trailing "en" is one pattern.
  const withoutEn = `regexp_replace(' ' || ${words} || ' ', '( en)+ ', ' ', 'g')`;
  return `trim(regexp_replace(${withoutEn}, ' +', ' ', 'g'))`;
}

/**
 * Dutch labels seen in enforcement exports, per theme, besides the theme's key and its
 * name in the app (THEME_LABELS). A municipality maps whatever else it uses on the
 * import screen; that choice is saved with its profile.
 */
export const THEME_SYNONYMS: Record<Theme, string[]> = {
  afval: ['Afvaldumping', 'Illegale dumping', 'Dumping', 'Zwerfafval', 'Bijplaatsing', 'Grofvuil'],
  horeca: [
    'Horeca / Alcoholwet',
    'Alcoholwet',
    'Drank- en Horecawet',
    'Overlast horeca',
    'Overlast café',
    'Horecaoverlast',
    'Terras',
  ],
  jeugd: ['Jeugd', 'Jongerenoverlast', 'Overlast jongeren', 'Overlast jeugd', 'Hangjongeren'],
  ondermijning: ['Drugs', 'Hennep', 'Drugslab', 'Ondermijnende criminaliteit'],
  parkeren: [
    'Parkeeroverlast',
    'Fout parkeren',
    'Foutparkeren',
    'Blauwe zone',
    'Parkeerovertreding',
  ],
  honden: ['Hond', 'Hondenoverlast', 'Hondenpoep', 'Loslopende hond', 'Loslopende honden'],
  woonoverlast: ['Burenoverlast', 'Overlast woning', 'Wet aanpak woonoverlast'],
  overig: ['Leefbaarheid', 'Overige', 'Overig / leefbaarheid'],
};

export interface ThemeLabel {
  label: string;
  theme: Theme;
}

/** Every label that names a theme on its own: keys, the app's names, the synonyms. */
export function themeLabels(): ThemeLabel[] {
  return THEMES.flatMap((theme) =>
    [theme, THEME_LABELS[theme], ...THEME_SYNONYMS[theme]].map((label) => ({ label, theme })),
  );
}

/**
 * The theme of one category as an export writes it (a Dutch label, a theme name, a
 * Signalen main or sub category by name or slug), or null when nothing matches — the
 * same precedence as the import's SQL: the mapping table's specific rows, its '*' rows,
 * then the theme labels.
 */
export function themeForLabel(
  label: string,
  mapping: readonly ThemeMappingRow[] = DEFAULT_THEME_MAPPING,
): Theme | null {
  const key = normalizeLabel(label);
  if (key === '') return null;
  const specific = mapping.find((row) => row.sub !== '*' && normalizeLabel(row.sub) === key);
  if (specific) return specific.theme;
  const main = mapping.find((row) => row.sub === '*' && normalizeLabel(row.main) === key);
  if (main) return main.theme;
  return themeLabels().find((l) => normalizeLabel(l.label) === key)?.theme ?? null;
}

/** The analyst's theme for a listed category (any spelling of it), or null. */
export function chosenTheme(
  choices: Readonly<Record<string, Theme>> | undefined,
  category: string,
): Theme | null {
  const key = normalizeLabel(category);
  return Object.entries(choices ?? {}).find(([c]) => normalizeLabel(c) === key)?.[1] ?? null;
}

/** The choices with this category's theme set (null: removed), other spellings replaced. */
export function withChosenTheme(
  choices: Readonly<Record<string, Theme>> | undefined,
  category: string,
  theme: Theme | null,
): Record<string, Theme> {
  const key = normalizeLabel(category);
  const kept = Object.entries(choices ?? {}).filter(([c]) => normalizeLabel(c) !== key);
  return Object.fromEntries(theme === null ? kept : [...kept, [category, theme]]);
}
