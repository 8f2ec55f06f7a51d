/**
 * Categories as a reader sees them: exports often hold Signalen-style slugs
 * ("lozing-dumping-bodemverontreiniging"), which the screen shows as Dutch words. A few
 * slugs join words Signalen writes with slashes; the rest read well with spaces. Labels
 * that are not slugs (a municipality's own "Overlast café") are shown as they are.
 */

/** Signalen's own names where spaces alone would read wrong. */
const CATEGORY_NAMES: Record<string, string> = {
  'asbest-accu': 'Asbest / accu',
  'auto-scooter-bromfietswrak': 'Auto- / scooter- / bromfietswrak',
  'bouw-sloopoverlast': 'Bouw- / sloopoverlast',
  'bruin-en-witgoed': 'Bruin- en witgoed',
  'daklozen-bedelen': 'Daklozen / bedelen',
  graffitiwildplak: 'Graffiti / wildplak',
  'lozing-dumping-bodemverontreiniging': 'Lozing / dumping / bodemverontreiniging',
  'maaien-snoeien': 'Maaien / snoeien',
  'puin-sloopafval': 'Puin / sloopafval',
  'stank-geluidsoverlast': 'Stank- / geluidsoverlast',
  'wildplassen-poepen-overgeven': 'Wildplassen / poepen / overgeven',
  'woningdelen-spookburgers': 'Woningdelen / spookburgers',
  'wonen-ondermijning': 'Ondermijning (wonen)',
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The Dutch label of a category; '—' when there is none. */
export function categoryLabel(category: string | null | undefined): string {
  if (!category) return '—';
  const named = CATEGORY_NAMES[category];
  if (named) return named;
  if (!SLUG.test(category)) return category;
  const words = category.replaceAll('-', ' ');
  return words[0].toUpperCase() + words.slice(1);
}
