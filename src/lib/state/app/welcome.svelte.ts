/**
 * The first-start choice on Overzicht (issue 22, item 1): look at the demo municipality, or
 * set up an own one. Shown while the demo is loaded until the user has chosen the demo;
 * the choice is remembered in this browser.
 */
import type { WorkspaceStore } from '../shared/page-deps';

const CHOSEN_DEMO = 'wijkradar.demo-gekozen';

export class WelcomeChoice {
  #chosenDemo = $state(readChosen());
  readonly #data: Pick<WorkspaceStore, 'status' | 'origin'>;

  constructor(data: Pick<WorkspaceStore, 'status' | 'origin'>) {
    this.#data = data;
  }

  get shown(): boolean {
    return this.#data.status === 'gereed' && this.#data.origin === 'demo' && !this.#chosenDemo;
  }

  chooseDemo(): void {
    this.#chosenDemo = true;
    try {
      localStorage.setItem(CHOSEN_DEMO, '1');
    } catch {
      // Storage off (private mode): the choice holds for this page only.
    }
  }
}

function readChosen(): boolean {
  try {
    return localStorage.getItem(CHOSEN_DEMO) === '1';
  } catch {
    return false;
  }
}
