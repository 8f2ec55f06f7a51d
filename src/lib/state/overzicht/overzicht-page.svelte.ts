/**
 * The coordinator of the Overzicht: the attention items computed for every data version,
 * and the first-start choice between the demo and an own municipality.
 */
import { WelcomeChoice } from '../app/welcome.svelte';
import { followData } from '../shared/follow-data.svelte';
import type { WorkspaceDeps } from '../shared/page-deps';
import { OverzichtModel } from './overzicht.svelte';

export class OverzichtPage {
  readonly model: OverzichtModel;
  readonly welcome: WelcomeChoice;
  readonly #deps: WorkspaceDeps;

  constructor(deps: WorkspaceDeps) {
    this.#deps = deps;
    this.welcome = new WelcomeChoice(deps.data);
    this.model = new OverzichtModel(deps.readiness);
  }

  /** Computes on every data change; call during component initialisation. */
  connect(): void {
    followData(this.#deps.data, (conn, dataVersion) => void this.model.compute(conn, dataVersion));
  }
}
