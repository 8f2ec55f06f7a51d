/**
 * What needs attention now, per role (PRODUCT.md "Who uses it"): the start page's items,
 * each with a link into the view that explains it. Pure: the Overzicht model
 * (overzicht.svelte.ts) gathers the inputs with the same queries and analysis the linked
 * views use, so an item and the view behind its link show the same numbers.
 */
import type { TrendPanel } from '$lib/analysis/wijk-trends';
import type { RecordTable } from '$lib/data/schema';
import { THEME_LABELS } from '$lib/data/themes';
import { formatCount, formatDay, formatDecimal } from '$lib/format/nl';
import type {
  AttentionInput,
  AttentionItem,
  ItemLink,
  RoleSection,
  WatchInput,
} from './attention-types';
import { meldingenItem } from './meldingen-item';

export type {
  AttentionInput,
  AttentionItem,
  ItemLink,
  Role,
  RoleSection,
  WatchInput,
} from './attention-types';

export { meldingenItem } from './meldingen-item';
/** Data older than this many days is flagged as not fresh. */
export const FRESH_DAYS = 7;
/** At most this many trend changes are listed; the rest is behind the link. */
export const MAX_TRENDS = 5;

const DAY = 86_400_000;
const SOURCE_NAMES: Record<RecordTable, string> = {
  incidents: 'Incidenten',
  meldingen: 'Meldingen',
  visits: 'Bezoeken',
};

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (localMs: number) => new Date(localMs).toISOString().slice(0, 10);
const themeName = (theme: string | null) =>
  theme === null
    ? 'alle thema’s'
    : (THEME_LABELS[theme as keyof typeof THEME_LABELS] ?? theme).toLowerCase();
const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

function query(params: Record<string, string>, hash = ''): string {
  const text = new URLSearchParams(params).toString();
  return (text ? `?${text}` : '') + hash;
}

function pValueOf(panel: TrendPanel): number {
  const c = panel.assessment.samePeriodLastYear.available
    ? panel.assessment.samePeriodLastYear
    : panel.assessment.baseline;
  return c.available ? c.pValue : 1;
}

/** Significant rises and falls, strongest evidence first (as the Wijken view lists them). */
export function trendItems(trends: NonNullable<AttentionInput['trends']>): AttentionItem[] {
  const periode = String(trends.periodMonths);
  const flagged = trends.panels
    .filter((p) => p.flag === 'stijging' || p.flag === 'daling')
    .sort((a, b) => pValueOf(a) - pValueOf(b) || a.key.localeCompare(b.key));
  const items = flagged.slice(0, MAX_TRENDS).map((panel): AttentionItem => {
    const c = panel.assessment.samePeriodLastYear.available
      ? panel.assessment.samePeriodLastYear
      : panel.assessment.baseline;
    const params: Record<string, string> = { wijk: panel.wijk.code, periode };
    if (panel.theme !== null) Object.assign(params, { thema: panel.theme, reeks: panel.theme });
    return {
      key: `trend:${panel.key}`,
      tone: 'attention',
      title: `${panel.wijk.name}, ${themeName(panel.theme)}: ${panel.flag}`,
      detail: c.available ? c.explanation : '',
      value: c.available ? c.currentCount : 0,
      link: { path: '/wijken', search: query(params), label: 'Bekijk de trend' },
    };
  });
  if (flagged.length === 0) {
    items.push({
      key: 'trend:geen',
      tone: 'ok',
      title: `Geen significante veranderingen in ${trends.periodLabel}`,
      detail:
        'Geen wijk of thema wijkt af van dezelfde maanden vorig jaar (p < 0,05 na correctie voor alle vergelijkingen).',
      value: 0,
      link: { path: '/wijken', search: query({ periode }), label: 'Naar de trends per wijk' },
    });
  } else if (flagged.length > MAX_TRENDS) {
    items.push({
      key: 'trend:meer',
      tone: 'attention',
      title: `En nog ${plural(flagged.length - MAX_TRENDS, 'verandering', 'veranderingen')}`,
      detail: 'Alle significante stijgingen en dalingen staan bij Wijken.',
      value: flagged.length - MAX_TRENDS,
      link: { path: '/wijken', search: query({ periode }), label: 'Alle veranderingen' },
    });
  }
  return items;
}

/** Aandachtslocaties below their visit target over the Wijken view's weeks. */
export function watchItems(watch: readonly WatchInput[]): AttentionItem[] {
  const link: ItemLink = {
    path: '/wijken',
    search: query({}, '#aandacht-kop'),
    label: 'Bekijk de bezoeken',
  };
  const behind = watch
    .filter((w) => w.frequency.belowTarget)
    .sort(
      (a, b) =>
        a.frequency.perWeek / a.frequency.target! - b.frequency.perWeek / b.frequency.target!,
    );
  const items = behind.map((w): AttentionItem => ({
    key: `watch:${w.id}`,
    tone: 'attention',
    title: `${w.name}: ${formatDecimal(w.frequency.perWeek)} ${w.frequency.perWeek === 1 ? 'bezoek' : 'bezoeken'} per week, doel ${formatDecimal(w.frequency.target!)}`,
    detail: `${plural(w.frequency.visits, 'bezoek', 'bezoeken')} in de laatste ${w.frequency.weeks} weken (tot en met ${formatDay(dayOf(w.frequency.to - DAY))}).`,
    value: w.frequency.perWeek,
    link,
  }));
  if (items.length === 0 && watch.length > 0) {
    items.push({
      key: 'watch:op-schema',
      tone: 'ok',
      title: 'Alle aandachtslocaties worden vaak genoeg bezocht',
      detail: `${plural(watch.length, 'aandachtslocatie', 'aandachtslocaties')} op of boven het doel.`,
      value: 0,
      link,
    });
  }
  return items;
}

/** Vacant buildings without a schouw in the last `days` days (as on the briefing). */
export function schouwItem(schouw: AttentionInput['schouw']): AttentionItem | null {
  if (schouw.vacant === 0) return null;
  const n = schouw.due.length;
  const names = schouw.due.slice(0, 3).map((b) => b.id);
  const longest = schouw.due[0];
  return {
    key: 'schouw',
    tone: n > 0 ? 'attention' : 'ok',
    title:
      n > 0
        ? `${plural(n, 'leegstaand gebouw', 'leegstaande gebouwen')} toe aan een schouw`
        : 'Alle leegstaande gebouwen zijn recent geschouwd',
    detail:
      n > 0
        ? `Geen schouw in de laatste ${schouw.days} dagen (van ${formatCount(schouw.vacant)} leegstaand): ${names.join(', ')}${n > 3 ? ', …' : ''}.` +
          (longest
            ? longest.last_schouw === null
              ? ` ${longest.id} is nog nooit geschouwd.`
              : ` ${longest.id} het langst niet: ${formatDay(dayOf(longest.last_schouw))}.`
            : '')
        : `Alle ${formatCount(schouw.vacant)} leegstaande gebouwen in de laatste ${schouw.days} dagen.`,
    value: n,
    link: { path: '/buitengebied', search: '', label: 'Naar de gebouwen' },
  };
}

/**
 * How old the latest record is, one item per distinct last day (tables that end on the same
 * day share one); older than FRESH_DAYS, or an empty table, needs attention.
 */
export function freshnessItems(input: AttentionInput): AttentionItem[] {
  const link: ItemLink = { path: '/gegevens', search: '', label: 'Gegevens bijwerken' };
  const byDay = new Map<string | null, RecordTable[]>();
  for (const { table, last } of input.freshness) {
    const day = last === null ? null : dayOf(last);
    byDay.set(day, [...(byDay.get(day) ?? []), table]);
  }
  return [...byDay].map(([day, tables]): AttentionItem => {
    const names = listNames(tables.map((t) => SOURCE_NAMES[t].toLowerCase()));
    const subject = names.charAt(0).toUpperCase() + names.slice(1);
    const key = `vers:${tables.join(',')}`;
    if (day === null) {
      const detail = 'Lees een export in bij Gegevens.';
      return {
        key,
        tone: 'attention',
        title: `${subject}: nog niets ingelezen`,
        detail,
        value: -1,
        link,
      };
    }
    const age = Math.max(0, Math.round((dayMs(input.today) - dayMs(day)) / DAY));
    return {
      key,
      tone: age > FRESH_DAYS ? 'attention' : 'ok',
      title: `${subject} tot en met ${formatDay(day)}`,
      detail:
        age === 0
          ? 'Bijgewerkt tot vandaag.'
          : `${plural(age, 'dag', 'dagen')} oud${age > FRESH_DAYS ? `: ouder dan ${FRESH_DAYS} dagen` : ''}.`,
      value: age,
      link,
    };
  });
}

/** 'a', 'a en b', 'a, b en c'. */
function listNames(names: readonly string[]): string {
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

/** The three roles' sections, in the order of the day: briefing, management, analysis. */
export function buildAttention(input: AttentionInput): RoleSection[] {
  const schouw = schouwItem(input.schouw);
  const meldingen = meldingenItem(input);
  return [
    {
      role: 'coordinator',
      heading: 'Coördinator',
      question: 'Waar moeten we vandaag langs?',
      items: [...watchItems(input.watch), ...(schouw ? [schouw] : [])],
      wayOn: { path: '/briefing', search: '', label: 'Naar de briefing' },
    },
    {
      role: 'manager',
      heading: 'Manager',
      question: input.trends
        ? `Wat veranderde er in ${input.trends.periodLabel}?`
        : 'Wat veranderde er deze maand?',
      items: [...(input.trends ? trendItems(input.trends) : []), ...(meldingen ? [meldingen] : [])],
      wayOn: { path: '/management', search: '', label: 'Naar management' },
    },
    {
      role: 'analist',
      heading: 'Analist',
      question: 'Hoe actueel zijn de gegevens?',
      items: freshnessItems(input),
      wayOn: { path: '/verkennen', search: '', label: 'Naar verkennen' },
    },
  ];
}

/** How many items need attention (the headline). */
export function countAttention(sections: readonly RoleSection[]): number {
  return sections.reduce(
    (sum, s) =>
      sum + s.items.filter((i) => i.tone === 'attention' && !i.key.endsWith(':meer')).length,
    0,
  );
}
