/**
 * The steps each long operation shows (progress.ts), in the order the pipeline runs them.
 * Their ids are what the pipeline enters; the labels are what the screen shows.
 */
import type { StepDef } from './progress';

/** Choosing a record file: read, recognise, check (nothing is stored yet). */
export const PREPARE_STEPS: readonly StepDef[] = [
  { id: 'read', label: 'Bestand lezen' },
  { id: 'columns', label: 'Kolommen herkennen' },
  { id: 'personal_data', label: 'Controle op persoonsgegevens' },
  { id: 'ids', label: 'Registratienummers controleren' },
  { id: 'themes', label: 'Thema’s bepalen' },
];

/** Importing records (pipeline.runImport), then the save in this browser. */
export const IMPORT_STEPS: readonly StepDef[] = [
  { id: 'personal_data', label: 'Controle op persoonsgegevens' },
  { id: 'convert', label: 'Omzetten' },
  { id: 'locate', label: 'Gebieden toekennen' },
  { id: 'finalize', label: 'Dubbelen en thema’s bepalen' },
  { id: 'save', label: 'Opslaan', final: true },
];

/** Choosing a boundary file: read, recognise, map its fields (nothing is stored yet). */
export const AREA_READ_STEPS: readonly StepDef[] = [
  { id: 'read', label: 'Bestand lezen' },
  { id: 'areas', label: 'Gebieden herkennen' },
  { id: 'fields', label: 'Velden koppelen' },
];

/** Importing area boundaries (areas.importAreaSource), then the save. */
export const AREA_STEPS: readonly StepDef[] = [
  { id: 'parse', label: 'Geometrie controleren' },
  { id: 'replace', label: 'Gebieden vervangen' },
  { id: 'hierarchy', label: 'Wijken en gemeente afleiden' },
  { id: 'assign', label: 'Registraties opnieuw indelen' },
  { id: 'save', label: 'Opslaan', final: true },
];

/** Restoring a workspace file (workspace-file.decodeWorkspace, snapshot.restoreSnapshot). */
export const RESTORE_STEPS: readonly StepDef[] = [
  { id: 'read', label: 'Bestand lezen' },
  { id: 'check', label: 'Bestand controleren' },
  { id: 'tables', label: 'Tabellen vervangen' },
  { id: 'personal_data', label: 'Controle op persoonsgegevens' },
  { id: 'save', label: 'Opslaan', final: true },
];

/** Making a publication (publish.buildPublication), then its download. */
export const PUBLISH_STEPS: readonly StepDef[] = [
  { id: 'records', label: 'Registraties per jaar' },
  { id: 'reference', label: 'Gebieden en kaartlagen' },
  { id: 'zip', label: 'ZIP-bestand samenstellen' },
  { id: 'download', label: 'Downloaden', final: true },
];

/**
 * Opening the published dataset at the start (published.replaceWithPublication). A cancel
 * opens the last good version instead, else the demo; the check for personal data ends
 * the load's transaction and cannot be cancelled.
 */
export const PUBLISHED_LOAD_STEPS: readonly StepDef[] = [
  { id: 'download', label: 'Bestanden ophalen en controleren' },
  { id: 'engine', label: 'Rekenmodule starten' },
  { id: 'load', label: 'Gegevens laden' },
  { id: 'personal_data', label: 'Controle op persoonsgegevens', final: true },
];
