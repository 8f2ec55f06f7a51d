/**
 * The briefing's projector theme (light text on black, for a washed-out beamer): a choice
 * kept in this browser, so the coordinator sets it once per room's laptop.
 */
import { browserStorage, keepChoice, type ChoiceStorage } from './browser-storage';

const KEY = 'wijkradar.briefing.projector';

export class ProjectorTheme {
  dark = $state(false);
  #storage: ChoiceStorage | null;

  constructor(storage: ChoiceStorage | null = browserStorage()) {
    this.#storage = storage;
    this.dark = storage?.getItem(KEY) === 'donker';
  }

  toggle(): void {
    this.dark = !this.dark;
    // A full or blocked storage only loses the preference, not the briefing.
    keepChoice(this.#storage, KEY, this.dark ? 'donker' : 'licht');
  }
}
