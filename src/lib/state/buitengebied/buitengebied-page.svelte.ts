/**
 * The coordinator of the Buitengebied view: the model loaded for every data version, the
 * page held "not ready" until the map has drawn what the model shows, and a schouw of the
 * chosen building recorded in the stored data.
 */
import type { Connector } from '$lib/data/connector';
import type { BaseMap } from '../shared/base-map.svelte';
import { followData } from '../shared/follow-data.svelte';
import type { WorkspaceDeps } from '../shared/page-deps';
import { holdWhileDrawing } from '../shared/readiness.svelte';
import { BuitengebiedModel } from './buitengebied.svelte';

export class BuitengebiedPage {
  readonly model: BuitengebiedModel;
  readonly #deps: WorkspaceDeps;
  #drawn: (() => void) | null = null;

  constructor(deps: WorkspaceDeps, baseMap?: (conn: Connector) => Promise<BaseMap>) {
    this.#deps = deps;
    this.model = new BuitengebiedModel({ store: deps.data, readiness: deps.readiness, baseMap });
  }

  /** Loads on every data change and follows the map's drawing; call during initialisation. */
  connect(): void {
    const { data, readiness } = this.#deps;
    const model = this.model;
    followData(data, (conn, dataVersion) => void model.load(conn, dataVersion));
    this.#drawn = holdWhileDrawing(readiness, {
      // Whatever redraws the map layers makes the page not ready until the frame is drawn.
      layers: () => [
        model.visible,
        model.route,
        model.selectedId,
        model.schouwHistory,
        model.colouring,
      ],
      canDraw: () => Boolean(model.baseMap),
      failed: () => Boolean(model.error),
    });
  }

  /** The map has drawn the current layers. */
  readonly rendered = (): void => this.#drawn?.();

  /** Records a schouw of the chosen building and saves it with the workspace. */
  async recordSchouw(input: { date: string; outcome: string; role: string }): Promise<void> {
    const selected = this.model.selected;
    if (!selected) return;
    await this.model.recordSchouw(this.#deps.data.connector, selected.building.id, input);
  }
}
