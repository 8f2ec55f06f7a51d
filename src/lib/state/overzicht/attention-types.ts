/**
 * The shapes of the Overzicht's attention items (attention-items.ts builds them): what
 * goes in, gathered by overzicht-data.ts, and what comes out per role.
 */
import type { BuildingSchouwRow } from '$lib/analysis/briefing';
import type { HandlingNorms } from '$lib/analysis/melding-handling';
import type { VisitFrequency } from '$lib/analysis/watch-locations';
import type { TrendPanel } from '$lib/analysis/wijk-trends';
import type { RecordTable } from '$lib/data/schema';

export type Role = 'coordinator' | 'manager' | 'analist';

/** A link: a route path (resolved by the component) and its query string and hash. */
export interface ItemLink {
  path: '/wijken' | '/verkennen' | '/buitengebied' | '/gegevens' | '/briefing' | '/management';
  /** '' or '?…#…' */
  search: string;
  label: string;
}

export interface AttentionItem {
  /** Stable, for tests and keyed lists: 'trend:WK990104|afval', 'watch:AL-ISSELDREEF', … */
  key: string;
  /** 'attention': needs action; 'ok': checked, nothing to do. */
  tone: 'attention' | 'ok';
  title: string;
  detail: string;
  /** The number the item is about (a count, visits per week, days). */
  value: number;
  link: ItemLink;
}

export interface RoleSection {
  role: Role;
  heading: string;
  question: string;
  items: AttentionItem[];
  wayOn: ItemLink;
}

export interface WatchInput {
  id: string;
  name: string;
  frequency: VisitFrequency;
}

export interface AttentionInput {
  /** Today, local 'YYYY-MM-DD' (for the age of the data). */
  today: string;
  /** Latest record time per table (local epoch ms), null when the table is empty. */
  freshness: { table: RecordTable; last: number | null }[];
  /** Trend panels judged over `periodMonths` (Wijken view, incidents and meldingen). */
  trends: { panels: TrendPanel[]; periodMonths: number; periodLabel: string } | null;
  watch: WatchInput[];
  schouw: { due: BuildingSchouwRow[]; vacant: number; days: number };
  meldingen: { status: string; open: number; overdue: number }[];
  /** Meldingen open longer than the norm of their category are past it (Management's). */
  norms: HandlingNorms;
  /** The day the norm is measured on: the data's last day ('YYYY-MM-DD'). */
  dataEnd: string;
}
