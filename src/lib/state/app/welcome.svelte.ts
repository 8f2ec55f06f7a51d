/**
 * The first-start choice on Overzicht (issue 22, item 1): look at the demo municipality, or
 * set up an own one. Shown while the demo is loaded until the user has chosen the demo;
 * the choice is remembered in this browser.
 */
import { appData } from './app-data.svelte';

const CHOSEN_DEMO = 'wijkradar.demo-gekozen';

export class WelcomeChoice {
  #chosenDemo = $state(readChosen());

  get shown(): boolean {
    return appData.status === 'gereed' && appData.origin === 'demo' && !this.#chosenDemo;
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
