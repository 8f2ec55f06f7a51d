/**
 * The editable category → theme table (stored in `theme_mapping`). It decides the theme of
 * meldingen at import; meldingen already stored keep the theme they got.
 */
import { tick } from 'svelte';
import type { Connector } from '$lib/data/connector';
import { inTransaction, replaceThemeMapping } from '$lib/data/database';
import { DEFAULT_THEME_MAPPING, type Theme, type ThemeMappingRow } from '$lib/data/themes';
import { ActionStatus, keepChange } from '../shared/action-status.svelte';
import { exclusive } from '../shared/db-queue';
import { errorMessage } from './import-view';
import { themeRowProblems } from '../app/stored-data-view';
import { Latest } from '../shared/latest';
import type { WorkspaceDeps, WorkspaceStore } from '../shared/page-deps';

export interface EditableThemeRow extends ThemeMappingRow {
  /** Stable key for the list while rows are edited. */
  key: number;
}

const LOAD_QUERY = {
  sql: `SELECT main_category AS main, sub_category AS sub, theme FROM theme_mapping
        ORDER BY main_category, sub_category`,
};

export class ThemeMappingModel {
  rows = $state<EditableThemeRow[]>([]);
  loaded = $state(false);
  dirty = $state(false);
  readonly action = new ActionStatus<'opslaan'>();
  problems = $derived(themeRowProblems(this.rows));
  #nextKey = 0;
  readonly #loading: Latest;

  readonly #data: WorkspaceStore;

  constructor(deps: WorkspaceDeps) {
    this.#data = deps.data;
    this.#loading = new Latest(deps.readiness);
  }

  /**
   * Reads the stored table of `dataVersion` (once per version); unsaved edits on screen are
   * kept (another change reloaded).
   */
  async load(conn: Connector, dataVersion: number): Promise<void> {
    if (this.dirty) return;
    await this.#loading.run(
      dataVersion,
      async (current) => {
        const rows = await exclusive(() => conn.query<ThemeMappingRow>(LOAD_QUERY));
        if (this.dirty || !current()) return;
        this.#setRows(rows);
        this.loaded = true;
        await tick();
      },
      (message) => (this.action.error = message),
      (error) => errorMessage(error, 'De thema-indeling kon niet worden geladen.'),
    );
  }

  #setRows(rows: readonly ThemeMappingRow[]): void {
    this.rows = rows.map((r) => ({
      main: r.main,
      sub: r.sub,
      theme: r.theme,
      key: this.#nextKey++,
    }));
  }

  add(): void {
    this.rows.push({ main: '', sub: '*', theme: 'overig', key: this.#nextKey++ });
    this.dirty = true;
  }

  update(key: number, patch: Partial<ThemeMappingRow>): void {
    const row = this.rows.find((r) => r.key === key);
    if (!row) return;
    Object.assign(row, patch);
    this.dirty = true;
  }

  remove(key: number): void {
    this.rows = this.rows.filter((r) => r.key !== key);
    this.dirty = true;
  }

  resetToDefault(): void {
    this.#setRows(DEFAULT_THEME_MAPPING);
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (this.problems.length > 0) {
      this.action.error = this.problems.join(' ');
      return;
    }
    const rows: ThemeMappingRow[] = this.rows.map((r) => ({
      main: r.main.trim(),
      sub: r.sub.trim(),
      theme: r.theme as Theme,
    }));
    await this.action.run(
      'opslaan',
      'De thema-indeling wordt opgeslagen…',
      async () => {
        const conn = this.#data.connector;
        const kept = await keepChange(() =>
          inTransaction(conn, () => replaceThemeMapping(conn, rows)),
        );
        this.dirty = false;
        if (kept.problem) this.action.error = kept.problem;
        else this.action.status = 'De thema-indeling is opgeslagen; ze geldt voor nieuwe imports.';
      },
      'De thema-indeling kon niet worden opgeslagen; de opgeslagen indeling is ongewijzigd.',
    );
  }
}
