/**
 * The management report's first page: what changed and why it matters, in plain Dutch
 * sentences, the significant findings first — real rises, real falls, under-served wijken,
 * wijken that settle a theme differently, and what each intervention did. Only findings
 * that passed their test (after correction for the whole table) are named; the rest is one
 * sentence, so noise is never read as an alarm.
 *
 * Shared output (PRODUCT.md, Privacy): counts below 5 read "<5" (suppression.ts), and a
 * figure computed from a hidden count is left out — no percentage beside a "<5", no net
 * effect of an intervention when one of its areas had fewer than 5 registrations.
 */
import type {
  DisplacementInput,
  DisplacementNotComputable,
  DisplacementResult,
} from './displacement';
import { ZONES } from './intervention-zones';
import type { DemandTrend } from './management-kpis';
import type { PresenceFlag } from './presence-demand';
import { formatCount, isSmallCount } from './suppression';

export interface SummaryTrendInput {
  wijk: string;
  theme: string;
  trend: DemandTrend;
}

export interface SummaryPresenceInput {
  wijk: string;
  flag: PresenceFlag;
}

export interface SummaryOutcomeInput {
  wijk: string;
  theme: string;
  /** The report row's explanation, already without figures where counts are small. */
  explanation: string;
}

export interface SummaryEvaluationInput {
  name: string;
  theme: string;
  counts: DisplacementInput;
  result: DisplacementResult | DisplacementNotComputable;
}

export type SummaryKind = 'stijging' | 'daling' | 'aanwezigheid' | 'afhandeling' | 'interventie';

export interface SummaryItem {
  kind: SummaryKind;
  /** Short: "Afval in Oost". */
  title: string;
  /** What changed, with the figures that may be shown. */
  text: string;
  /** Why it matters. */
  why: string;
}

export interface ReportSummary {
  /** One sentence: how many findings of each kind. */
  headline: string;
  items: SummaryItem[];
  /** Trend findings beyond the page's room, counted here (they stand in the table). */
  more: number;
  /** The comparisons without a real change, in one sentence; null when there were none. */
  quiet: string | null;
}

/** Trend findings on the first page at most; the table lists every one. */
export const SUMMARY_MAX_TRENDS = 8;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "+74%" / "−31%": the change from `previous` to `current` in whole percent. */
function percentChange(previous: number, current: number): string {
  const p = Math.round((current / previous - 1) * 100);
  return `${p < 0 ? '−' : '+'}${Math.abs(p)}%`;
}

function trendItem({ wijk, theme, trend }: SummaryTrendInput): SummaryItem {
  const c = trend.comparison!;
  const rise = c.flag === 'stijging';
  const [previous, current] = [c.referenceCount, c.currentCount];
  // A percentage of a hidden count gives it back: only beside two shown counts.
  const hidden = isSmallCount(previous) || isSmallCount(current);
  const percent = hidden || previous === 0 ? '' : ` (${percentChange(previous, current)})`;
  return {
    kind: rise ? 'stijging' : 'daling',
    title: `${theme} in ${wijk}`,
    text:
      `${formatCount(current)} meldingen en incidenten, tegen ${formatCount(previous)} in ` +
      `dezelfde periode een jaar eerder${percent}.`,
    why: rise
      ? 'Meer dan toeval: hier groeit de vraag echt. Kijk waar en wanneer, en of de inzet meegroeit.'
      : 'Meer dan toeval: hier neemt de vraag echt af. Ga na wat hier werkt.',
  };
}

const shown = (t: SummaryTrendInput) =>
  !isSmallCount(t.trend.comparison!.referenceCount) &&
  !isSmallCount(t.trend.comparison!.currentCount);

/** Biggest shown change first; findings with a hidden count after them, by name. */
function byChange(a: SummaryTrendInput, b: SummaryTrendInput): number {
  if (shown(a) !== shown(b)) return shown(a) ? -1 : 1;
  const size = (t: SummaryTrendInput) =>
    Math.abs(t.trend.comparison!.currentCount - t.trend.comparison!.referenceCount);
  if (shown(a) && size(a) !== size(b)) return size(b) - size(a);
  return `${a.theme} ${a.wijk}`.localeCompare(`${b.theme} ${b.wijk}`, 'nl');
}

function evaluationItem(e: SummaryEvaluationInput): SummaryItem {
  const title = `${e.name} (${e.theme.toLowerCase()})`;
  const small = ZONES.some(
    (z) => isSmallCount(e.counts[z].before) || isSmallCount(e.counts[z].after),
  );
  if (small) {
    return {
      kind: 'interventie',
      title,
      text: 'Het effect staat niet in dit rapport: in een van de gebieden waren minder dan 5 registraties.',
      why: 'Uit het oordeel zou een klein aantal terug te rekenen zijn. De weergave Management toont het wel.',
    };
  }
  const { net } = e.result;
  const targetDown = net.target?.direction === 'lager';
  const bufferUp = net.buffer?.direction === 'hoger';
  const why =
    net.verdict === 'netto minder'
      ? 'De aanpak werkte: ook met de omgeving erbij zijn er minder registraties dan verwacht.'
      : net.verdict === 'netto meer'
        ? 'Samen kwamen er meer registraties dan verwacht: ga na of het probleem groeide of dat er meer gezien wordt.'
        : net.verdict === 'geen aantoonbaar netto-effect' && targetDown && bufferUp
          ? 'Het probleem is verplaatst naar de omgeving, niet opgelost: reken het doelgebied alleen niet als succes.'
          : net.verdict === 'geen aantoonbaar netto-effect'
            ? 'Er is (nog) geen effect aan te tonen.'
            : 'Zonder registraties in een van de gebieden is er geen oordeel mogelijk.';
  return { kind: 'interventie', title, text: net.explanation, why };
}

/** The comparisons without a real change, in one sentence. */
function quietSentence(unchanged: number, named: number): string {
  const since = 'ten opzichte van een jaar eerder';
  if (unchanged === 1) {
    const which = named > 0 ? 'De andere' : 'De enige';
    return `${which} combinatie van wijk en thema veranderde niet aantoonbaar ${since}: het verschil past bij toeval.`;
  }
  return named > 0
    ? `De andere ${unchanged} combinaties van wijk en thema veranderden niet aantoonbaar ${since}: de verschillen passen bij toeval.`
    : `Geen van de ${unchanged} combinaties van wijk en thema veranderde aantoonbaar ${since}: de verschillen passen bij toeval.`;
}

export function buildReportSummary(input: {
  trends: readonly SummaryTrendInput[];
  presence: readonly SummaryPresenceInput[];
  outcomes: readonly SummaryOutcomeInput[];
  evaluations: readonly SummaryEvaluationInput[];
}): ReportSummary {
  const flagged = (flag: string) =>
    input.trends.filter((t) => t.trend.comparison?.flag === flag).sort(byChange);
  const [rises, falls] = [flagged('stijging'), flagged('daling')];
  const trendItems = [...rises, ...falls].map(trendItem);
  const shownTrends = trendItems.slice(0, SUMMARY_MAX_TRENDS);
  const presence = input.presence
    .filter((p) => p.flag === 'onderbezet')
    .map((p): SummaryItem => ({
      kind: 'aanwezigheid',
      title: `${p.wijk} onderbezet`,
      text:
        'Veel meldingen en incidenten (minstens het midden van de wijken), maar minder dan de ' +
        'helft van de bezoekuren per melding of incident die de andere wijken krijgen.',
      why: 'Hier staat de inzet het verst van de vraag: de eerste plek om aanwezigheid bij te sturen.',
    }));
  const outcomes = input.outcomes.map((o): SummaryItem => ({
    kind: 'afhandeling',
    title: `${o.theme} in ${o.wijk} anders afgehandeld`,
    text: o.explanation,
    why: 'Gelijke gevallen horen overal gelijk te worden afgehandeld: informeren, waarschuwen, sanctioneren.',
  }));
  const evaluations = input.evaluations.map(evaluationItem);

  const parts = [
    rises.length > 0 && plural(rises.length, 'echte stijging', 'echte stijgingen'),
    falls.length > 0 && plural(falls.length, 'echte daling', 'echte dalingen'),
    presence.length > 0 && plural(presence.length, 'onderbezette wijk', 'onderbezette wijken'),
    outcomes.length > 0 &&
      plural(
        outcomes.length,
        'wijk die een thema anders afhandelt',
        'wijken die een thema anders afhandelen',
      ),
  ].filter((p): p is string => Boolean(p));
  const list =
    parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
  const headline =
    parts.length === 0
      ? 'Geen aantoonbare veranderingen in vraag, aanwezigheid of afhandeling in deze periode.'
      : `Opvallend in deze periode: ${list}.`;

  const unchanged = input.trends.filter(
    (t) => t.trend.comparison && t.trend.comparison.flag === 'geen significante verandering',
  ).length;
  const quiet = unchanged === 0 ? null : quietSentence(unchanged, rises.length + falls.length);
  return {
    headline,
    items: [...shownTrends, ...presence, ...outcomes, ...evaluations],
    more: trendItems.length - shownTrends.length,
    quiet,
  };
}
