/**
 * The coordinator of the Gegevens view: the import, the own municipality, the theme table,
 * the profiles, the stored datasets, the workspace file and publishing. The dataset list
 * and the theme table are read again after every change of the stored data (an import, a
 * removal, a restore); the page is not ready before both are first on screen.
 */
import { isRemote } from '$lib/data/remote-connector';
import type { Connector } from '$lib/data/connector';
import { OwnMunicipalityModel } from '../app/own-municipality.svelte';
import { followData } from '../shared/follow-data.svelte';
import type { WorkspaceDeps } from '../shared/page-deps';
import { ImportSession } from './import-session.svelte';
import { DATASET_DEMO } from './import-view';
import { ProfileListModel } from './profile-list.svelte';
import { PublishModel } from './publish.svelte';
import { ThemeMappingModel } from './theme-mapping.svelte';
import { WorkspaceModel } from './workspace.svelte';

export class GegevensPage {
  readonly session = new ImportSession();
  readonly own = new OwnMunicipalityModel();
  readonly themes: ThemeMappingModel;
  readonly profiles = new ProfileListModel();
  readonly workspace: WorkspaceModel;
  readonly publish = new PublishModel();
  readonly #deps: WorkspaceDeps;
  /** Not ready before the first lists are on screen. */
  #listed: (() => void) | null;

  constructor(deps: WorkspaceDeps) {
    this.#deps = deps;
    this.themes = new ThemeMappingModel(deps);
    this.workspace = new WorkspaceModel(deps);
    this.#listed = deps.readiness.begin();
  }

  /** The demo is stored (before the list is read: the app started with it). */
  get hasDemo(): boolean {
    return (
      this.workspace.datasets?.some((group) => group.dataset === DATASET_DEMO) ??
      this.#deps.data.origin === 'demo'
    );
  }

  /** Reads the lists on every data change; call during component initialisation. */
  connect(): void {
    followData(this.#deps.data, (conn, dataVersion) => void this.refresh(conn, dataVersion));
  }

  /** Reads the dataset list and the theme table of `dataVersion`. */
  async refresh(conn: Connector, dataVersion: number): Promise<void> {
    const listed = this.#listed;
    this.#listed = null;
    try {
      // A region server's data is read-only: there are no datasets or themes to edit here.
      if (isRemote(conn)) return;
      await Promise.all([
        this.workspace.loadDatasets(conn, dataVersion),
        this.themes.load(conn, dataVersion),
      ]);
    } finally {
      listed?.();
    }
  }
}
