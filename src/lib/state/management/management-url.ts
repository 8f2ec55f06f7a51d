/**
 * The Management view's state in the URL, so a reload or a link sent to a colleague opens
 * the same figures: `?maanden=2025-11_2026-10&thema=honden&gebied=interventie:IV-001&
 * ethema=jeugd&buffer=400&controle=WK990100&voor=2024-11-01_2025-10-31&na=2025-11-01_2026-10-31&
 * norm=14,grofvuil:21`.
 * Unknown or tampered values are dropped, and the view falls back to its defaults. Keys and
 * their meaning: url-keys.ts.
 */
import type { HandlingNorms } from '$lib/analysis/melding-handling';
import { THEMES } from '$lib/data/themes';
import { currentParams, readKey, writeKey, type PageUrlCodec } from '../shared/url-keys';
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
  /** The norms of the handling of meldingen (melding-handling.svelte.ts). */
  norms?: HandlingNorms;
}

const isTheme = (value: string) => (THEMES as readonly string[]).includes(value);

export function parseManagementView(input: URLSearchParams): ManagementView {
  // Links from before the URL registry carry the months as ?van=2025-11&tot=2026-10.
  const params = currentParams(input);
  const view: ManagementView = {};
  const period = readKey(params, 'maanden');
  if (period) view.period = period;
  // `thema` is a list of themes on every page; the key figures take one (or all: empty).
  const themes = readKey(params, 'thema');
  if (params.get('thema') === '') view.theme = '';
  else if (themes?.length === 1 && isTheme(themes[0])) view.theme = themes[0];
  const area = readKey(params, 'gebied');
  if (area) {
    const [kind, id] = area.split(':') as ['interventie' | 'wijk', string];
    view.area = { kind, id };
  }
  const evaluationTheme = readKey(params, 'ethema');
  if (evaluationTheme !== null && (evaluationTheme === '' || isTheme(evaluationTheme))) {
    view.evaluationTheme = evaluationTheme;
  }
  const categories = readKey(params, 'categorieen');
  if (categories) view.categories = categories;
  const buffer = readKey(params, 'buffer');
  if (buffer !== null) view.bufferM = buffer;
  const control = readKey(params, 'controle');
  if (control !== null) view.controlWijk = control;
  const before = readKey(params, 'voor');
  const after = readKey(params, 'na');
  if (before && after && before.to < after.from) Object.assign(view, { before, after });
  const norm = readKey(params, 'norm');
  if (norm) view.norms = { defaultDays: norm.value, byCategory: norm.byKey };
  return view;
}

/** Writes what the view holds into a copy of `params` (Management's keys replaced). */
export function writeManagementView(
  params: URLSearchParams,
  view: ManagementView,
): URLSearchParams {
  const next = new URLSearchParams(currentParams(params));
  writeKey(next, 'maanden', view.period);
  writeKey(next, 'thema', view.theme ? [view.theme] : null);
  writeKey(next, 'gebied', view.area ? `${view.area.kind}:${view.area.id}` : null);
  writeKey(next, 'ethema', view.evaluationTheme);
  writeKey(next, 'categorieen', view.categories);
  writeKey(next, 'buffer', view.bufferM);
  writeKey(next, 'controle', view.controlWijk || null);
  writeKey(next, 'voor', view.before);
  writeKey(next, 'na', view.after);
  writeKey(
    next,
    'norm',
    view.norms && { value: view.norms.defaultDays, byKey: { ...view.norms.byCategory } },
  );
  return next;
}

export const managementUrlCodec: PageUrlCodec<ManagementView> = {
  keys: [
    'maanden',
    'thema',
    'gebied',
    'ethema',
    'categorieen',
    'buffer',
    'controle',
    'voor',
    'na',
    'norm',
  ],
  parse: parseManagementView,
  write: writeManagementView,
};

/** The query string for the full view state (always complete, so links are exact). */
export function managementQuery(
  view: Required<Omit<ManagementView, 'controlWijk' | 'norms'>> & {
    controlWijk: string;
    norms?: HandlingNorms;
  },
): string {
  return `?${writeManagementView(new URLSearchParams(), view)}`;
}

/** The query string of the models' current state; null before a period is known. */
export function currentQuery(
  model: ManagementModel,
  evaluation: EvaluationModel,
  norms?: HandlingNorms,
): string | null {
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
    norms,
  });
}
