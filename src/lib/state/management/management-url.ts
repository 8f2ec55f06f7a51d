/**
 * The Management view's state in the URL, so a reload or a link sent to a colleague opens
 * the same figures: `?van=2025-11&tot=2026-10&thema=honden&gebied=interventie:IV-001&
 * ethema=jeugd&buffer=400&controle=WK990100&voor=2024-11-01_2025-10-31&na=2025-11-01_2026-10-31`.
 * Unknown or tampered values are dropped, and the view falls back to its defaults.
 */
import { THEMES } from '$lib/data/themes';
import type { EvaluationModel } from './evaluation.svelte';
import type { ManagementModel } from './management.svelte';

export interface ManagementView {
  period?: { from: string; to: string };
  theme?: string;
  area?: { kind: 'interventie' | 'wijk'; id: string };
  evaluationTheme?: string;
  categories?: string[];
  bufferM?: number;
  controlWijk?: string;
  before?: { from: string; to: string };
  after?: { from: string; to: string };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const SLUG = /^[a-z0-9-]{1,60}$/;
const CODE = /^[A-Za-z0-9_-]{1,40}$/;
const isTheme = (value: string) => (THEMES as readonly string[]).includes(value);

function parseSpan(text: string | null, pattern: RegExp): { from: string; to: string } | undefined {
  const [from, to] = (text ?? '').split('_');
  return pattern.test(from ?? '') && pattern.test(to ?? '') && from <= to
    ? { from, to }
    : undefined;
}

export function parseManagementView(params: URLSearchParams): ManagementView {
  const view: ManagementView = {};
  const period = parseSpan(`${params.get('van')}_${params.get('tot')}`, MONTH);
  if (period) view.period = period;
  const theme = params.get('thema');
  if (theme !== null && (theme === '' || isTheme(theme))) view.theme = theme;
  const [kind, id] = (params.get('gebied') ?? '').split(':');
  if ((kind === 'interventie' || kind === 'wijk') && CODE.test(id ?? '')) view.area = { kind, id };
  const evaluationTheme = params.get('ethema');
  if (evaluationTheme !== null && (evaluationTheme === '' || isTheme(evaluationTheme))) {
    view.evaluationTheme = evaluationTheme;
  }
  const categories = (params.get('categorieen') ?? '').split(',').filter((c) => SLUG.test(c));
  if (categories.length > 0) view.categories = categories;
  const buffer = Number(params.get('buffer') ?? NaN);
  if (Number.isInteger(buffer) && buffer >= 0 && buffer <= 5000) view.bufferM = buffer;
  const control = params.get('controle');
  if (control !== null && CODE.test(control)) view.controlWijk = control;
  const before = parseSpan(params.get('voor'), DAY);
  const after = parseSpan(params.get('na'), DAY);
  if (before && after && before.to < after.from) Object.assign(view, { before, after });
  return view;
}

/** The query string for the full view state (always complete, so links are exact). */
export function managementQuery(
  view: Required<Omit<ManagementView, 'controlWijk'>> & {
    controlWijk: string;
  },
): string {
  const params = new URLSearchParams();
  params.set('van', view.period.from);
  params.set('tot', view.period.to);
  if (view.theme) params.set('thema', view.theme);
  params.set('gebied', `${view.area.kind}:${view.area.id}`);
  params.set('ethema', view.evaluationTheme);
  if (view.categories.length > 0) params.set('categorieen', view.categories.join(','));
  params.set('buffer', String(view.bufferM));
  if (view.controlWijk) params.set('controle', view.controlWijk);
  params.set('voor', `${view.before.from}_${view.before.to}`);
  params.set('na', `${view.after.from}_${view.after.to}`);
  return `?${params}`;
}

/** The query string of the models' current state; null before a period is known. */
export function currentQuery(model: ManagementModel, evaluation: EvaluationModel): string | null {
  if (!model.period) return null;
  const interventie = evaluation.areaKind === 'interventie';
  return managementQuery({
    period: model.period,
    theme: model.theme,
    area: {
      kind: evaluation.areaKind,
      id: interventie ? evaluation.interventionId : evaluation.wijkcode,
    },
    evaluationTheme: evaluation.theme,
    categories: evaluation.categories,
    bufferM: evaluation.bufferM,
    controlWijk: evaluation.controlWijk,
    before: evaluation.before,
    after: evaluation.after,
  });
}
