/**
 * The Overzicht's item "open meldingen over de norm" (issue 26): counted by Management's
 * builder with the norms the user set there (kept in this browser), so the item and the
 * section its link opens (Management, #afhandeling-meldingen) give the same number.
 */
import { DEFAULT_NORMS, type HandlingNorms } from '$lib/analysis/melding-handling';
import type { Connector } from '$lib/data/connector';
import { buildOpenHandlingQuery, type OpenStatsRow } from '$lib/data/queries/melding-handling';
import { formatCount, formatDay } from '$lib/format/nl';
import type { AttentionInput, AttentionItem } from './attention-types';

/** Where the item leads: Management's section on the handling of meldingen. */
export const MELDINGEN_SECTION = '#afhandeling-meldingen';

export interface OpenByStatus {
  status: string;
  open: number;
  /** Open longer than the norm of their category. */
  overdue: number;
}

/** Meldingen open at `at` ('YYYY-MM-DD HH:MM:SS', local) per status, most overdue first. */
export async function loadOpenMeldingen(
  conn: Connector,
  at: string,
  norms: HandlingNorms = DEFAULT_NORMS,
): Promise<OpenByStatus[]> {
  const rows = await conn.query<OpenStatsRow>(buildOpenHandlingQuery({}, norms, [at], 'status'));
  return rows
    .map((r) => ({ status: r.key ?? 'onbekend', open: r.open, overdue: r.over_norm }))
    .sort((a, b) => b.overdue - a.overdue || a.status.localeCompare(b.status));
}

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** Open meldingen reported longer than their norm before the end of the data's last day. */
export function meldingenItem(input: AttentionInput): AttentionItem | null {
  const open = input.meldingen.reduce((sum, r) => sum + r.open, 0);
  if (open === 0) return null;
  const overdue = input.meldingen.reduce((sum, r) => sum + r.overdue, 0);
  const own = Object.keys(input.norms.byCategory).length;
  const days = input.norms.defaultDays;
  const norm = own === 0 ? `${days} dagen` : 'hun norm';
  const normText =
    own === 0
      ? `norm: ${days} dagen na de melding`
      : `norm: ${days} dagen, ${plural(own, 'categorie', 'categorieën')} met een eigen norm`;
  return {
    key: 'meldingen',
    tone: overdue > 0 ? 'attention' : 'ok',
    title:
      overdue > 0
        ? `${plural(overdue, 'melding', 'meldingen')} langer open dan ${norm}`
        : `Geen open meldingen ouder dan ${norm}`,
    detail:
      `Van de ${plural(open, 'open melding', 'open meldingen')} op ${formatDay(input.dataEnd)}` +
      ` (${normText}): ` +
      `${input.meldingen.map((r) => `${formatCount(r.overdue)} ${r.status}`).join(', ')}.`,
    value: overdue,
    link: {
      path: '/management',
      search: MELDINGEN_SECTION,
      label: 'Naar de afhandeling van meldingen',
    },
  };
}
