/**
 * The import on the Gegevens screen, as one model: the chosen kind and file, the prepared
 * import with the mapping the analyst edits and the preview; reading and importing, with
 * their steps and Annuleren, run in ImportRunner. Every button of the screen is a method
 * here; components only render and forward.
 */
import { suggestColumnMapping, type RecordKind } from '$lib/data/import/column-mapping';
import { proposeIdPolicy, type IdCheck } from '$lib/data/import/id-check';
import { checkIds, listUnmappedCategories, type PreparedImport } from '$lib/data/import/pipeline';
import {
  planProblems,
  planValues,
  proposePlan,
  type DuplicatePolicy,
  type IdPolicy,
  type ImportPlan,
} from '$lib/data/import/plan';
import { THEME_KEYS, type UnmappedCategory } from '$lib/data/import/theme-lookup';
import { chosenTheme, withChosenTheme } from '$lib/data/theme-labels';
import type { Theme } from '$lib/data/themes';
import { findMatchingProfile, type MappingProfile } from '$lib/data/import/profiles';
import { ActionStatus } from '../shared/action-status.svelte';
import { AreaImport } from './area-import.svelte';
import { ImportProfileActions } from './import-profile-actions.svelte';
import { ImportPreview } from './import-preview.svelte';
import { ImportRunner, type ImportBusy } from './import-runner.svelte';
import { appData } from '../app/app-data.svelte';
import { exclusive } from '../shared/db-queue';
import { buildMappingRows, IMPORT_MESSAGES, type Confidence } from './import-view';

const { DUPLICATES_MISSING, NOTHING_RECOGNISED } = IMPORT_MESSAGES;

export class ImportSession {
  kind = $state<RecordKind>('incidents');
  file = $state.raw<File | null>(null);
  prepared = $state.raw<PreparedImport | null>(null);
  plan = $state.raw<ImportPlan | null>(null);
  duplicates = $state<DuplicatePolicy | null>(null);
  sourceLabel = $state('');
  /** The saved profile whose mapping is applied ('' = suggested from the headers). */
  profileName = $state('');
  /** Categories no rule maps (without the analyst's choices: those show in the list). */
  unmapped = $state.raw<UnmappedCategory[]>([]);
  /** How the chosen id column repeats (for the "niet uniek" choice). */
  idCheck = $state.raw<IdCheck | null>(null);
  /** Boundary files: level, column mapping and profile (kind 'areas'). */
  readonly areas = new AreaImport();
  #origin = $state.raw<Record<string, Confidence>>({});
  #preview = new ImportPreview();
  #action = new ActionStatus<ImportBusy>();
  #profiles = new ImportProfileActions(this, this.#action);
  #runner = new ImportRunner(this, this.#action);

  get busy() {
    return this.#action.busy;
  }
  get status() {
    return this.#action.status;
  }
  get error() {
    return this.#action.error;
  }
  /** The running read's or import's steps (null when none runs). */
  get progress() {
    return this.#action.progress;
  }
  get preview() {
    return this.#preview.rows;
  }
  get previewNote() {
    return this.#preview.note;
  }
  get report() {
    return this.#runner.report;
  }
  get areaReport() {
    return this.#runner.areaReport;
  }

  problems = $derived.by(() => {
    if (!this.prepared || !this.plan) return [];
    const problems = planProblems(this.plan, this.prepared.staged.headers);
    return this.duplicates ? problems : [...problems, DUPLICATES_MISSING];
  });

  canImport = $derived(
    this.busy === null &&
      (this.kind === 'areas'
        ? this.areas.ready && this.areaReport === null
        : this.plan !== null && this.problems.length === 0),
  );

  profiles = $derived(appData.settings.profiles.filter((p) => p.kind === this.kind));

  mappingRows = $derived(
    this.plan && this.prepared
      ? buildMappingRows(this.plan, this.prepared.samples, this.#origin)
      : [],
  );

  async chooseKind(kind: RecordKind): Promise<void> {
    if (kind === this.kind) return;
    this.kind = kind;
    this.#startOver();
    if (this.file) await this.#runner.read(this.file);
  }

  async chooseFile(file: File | null): Promise<void> {
    this.#startOver();
    this.file = file;
    if (!file) return;
    await this.#runner.read(file);
  }

  /** A new kind or file: what belonged to the previous one goes, late answers are ignored. */
  #startOver(): void {
    this.#action.startOver();
    this.prepared = null;
    this.plan = null;
    this.#preview.clear();
    this.#runner.reset();
    this.unmapped = [];
    this.idCheck = null;
    this.areas.reset();
  }

  /** The file was read (ImportRunner): the profile or the suggestion, and the preview. */
  async adoptPrepared(prepared: PreparedImport, file: File): Promise<void> {
    this.prepared = prepared;
    this.unmapped = prepared.unmapped;
    this.idCheck = prepared.idCheck;
    const profile = findMatchingProfile(
      appData.settings.profiles,
      this.kind,
      prepared.staged.headers,
    );
    if (profile) this.#applyProfile(profile);
    else this.#applySuggestion();
    const rows = prepared.staged.rowCount + prepared.staged.structureRejects.length;
    this.#action.status = `‘${file.name}’ gelezen: ${rows} rijen${profile ? `, profiel ‘${profile.name}’ toegepast` : ''}. Controleer de koppeling en kies Inlezen.`;
    if (Object.keys(this.plan?.columns ?? {}).length === 0) this.#action.error = NOTHING_RECOGNISED;
    await this.#refreshPreview();
  }

  clearPrepared(): void {
    this.prepared = null;
    this.plan = null;
    this.#preview.clear();
  }

  #applySuggestion(): void {
    const { staged, samples, fileName } = this.prepared!;
    this.plan = proposePlan(this.kind, staged, samples, {
      sourceLabel: fileName,
      ids: this.#proposedIds(),
    });
    const refused = this.plan.refused.map((r) => r.index);
    const suggested = suggestColumnMapping(
      this.kind,
      staged.headers,
      samples.map((s, i) => (refused.includes(i) ? [] : s.values)),
    );
    this.#origin = Object.fromEntries(
      suggested.filter((s) => s.confidence !== 'geen').map((s) => [s.field, s.confidence]),
    ) as Record<string, Confidence>;
    this.profileName = '';
    this.sourceLabel = fileName;
    this.duplicates = null;
  }

  #applyProfile(profile: MappingProfile): void {
    const { staged, samples } = this.prepared!;
    this.plan = {
      ...proposePlan(this.kind, staged, samples, {
        sourceLabel: profile.name,
        duplicates: profile.duplicates,
        mapping: profile.mapping,
        ids: profile.ids ?? this.#proposedIds(),
      }),
      ...(profile.themes ? { themes: profile.themes } : {}),
    };
    this.#origin = Object.fromEntries(Object.keys(profile.mapping).map((f) => [f, 'profiel']));
    this.profileName = profile.name;
    this.sourceLabel = profile.name;
    this.duplicates = profile.duplicates;
  }

  /** '' = back to the suggestion from the column names. */
  async chooseProfile(name: string): Promise<void> {
    if (!this.prepared) return;
    const profile = this.profiles.find((p) => p.name === name);
    if (profile) this.#applyProfile(profile);
    else this.#applySuggestion();
    await this.#refreshPreview();
  }

  async setColumn(field: string, column: number | null): Promise<void> {
    const { plan, prepared } = this;
    if (!plan || !prepared) return;
    const columns = { ...plan.columns };
    if (column === null) delete columns[field];
    else columns[field] = column;
    this.plan = { ...plan, columns, ...planValues(plan.kind, columns, prepared.samples) };
    this.#origin = { ...this.#origin, [field]: 'handmatig' };
    if (field === 'id') await this.#recheckIds();
    if (THEME_KEYS[plan.kind as keyof typeof THEME_KEYS]?.includes(field))
      await this.#refreshUnmapped();
    await this.#refreshPreview();
  }

  #proposedIds(): IdPolicy {
    const { prepared, idCheck } = this;
    return idCheck && prepared ? proposeIdPolicy(idCheck, prepared.staged.rowCount) : 'unique';
  }

  /** A new id column: count its repeats again and propose the policy anew. */
  async #recheckIds(): Promise<void> {
    const { prepared, plan } = this;
    if (!prepared || !plan) return;
    const check = await exclusive(() => checkIds(appData.connector, prepared.staged, plan));
    if (this.plan !== plan) return;
    this.idCheck = check;
    this.plan = { ...plan, ids: this.#proposedIds() };
  }

  /** The list of categories without a theme, for the mapping as it is now. */
  async #refreshUnmapped(): Promise<void> {
    const { prepared, plan } = this;
    if (!prepared || !plan || planProblems(plan, prepared.staged.headers).length) return;
    const withoutChoices = { ...plan, themes: undefined };
    const unmapped = await exclusive(() =>
      listUnmappedCategories(appData.connector, prepared.staged, withoutChoices),
    );
    if (this.prepared === prepared) this.unmapped = unmapped;
  }

  /** The preview shows the ids as they will be stored: generated or from the column. */
  async setIds(policy: IdPolicy): Promise<void> {
    if (!this.plan) return;
    this.plan = { ...this.plan, ids: policy };
    await this.#refreshPreview();
  }

  /** The theme chosen for a listed category ('' = none: it becomes 'overig'). */
  themeFor(category: string): Theme | '' {
    return chosenTheme(this.plan?.themes, category) ?? '';
  }

  chooseTheme(category: string, theme: Theme | ''): void {
    if (!this.plan) return;
    const themes = withChosenTheme(this.plan.themes, category, theme === '' ? null : theme);
    this.plan = { ...this.plan, themes };
  }

  /** While typing without, when the field is left with a refresh of the preview. */
  async setSourceLabel(label: string, refresh = true): Promise<void> {
    this.sourceLabel = label;
    if (refresh) await this.#refreshPreview();
  }

  setDuplicates(policy: DuplicatePolicy): void {
    this.duplicates = policy;
  }

  /** The plan as confirmed on screen: source name and duplicate choice included. */
  confirmedPlan(): ImportPlan {
    return {
      ...this.plan!,
      sourceLabel: this.sourceLabel.trim() || this.prepared!.fileName,
      duplicates: this.duplicates ?? 'skip',
    };
  }

  #refreshPreview(): Promise<void> {
    const { prepared, plan } = this;
    return this.#preview.refresh(
      prepared && plan ? { ...prepared, plan: this.confirmedPlan() } : null,
    );
  }

  async runImport(): Promise<void> {
    if (this.canImport && this.file) await this.#runner.run(this.file);
  }

  downloadRejected(): Promise<void> {
    return this.#runner.downloadRejected();
  }

  /** Saves the confirmed mapping under the Bronsysteem name, for next month's export. */
  saveProfile(): Promise<void> {
    return this.#profiles.save();
  }

  /** The confirmed mapping as a file: the format of `import:check --mapping` (README). */
  exportProfile(): void {
    this.#profiles.export();
  }
}
