/**
 * The briefing's projector theme (light text on black, for a washed-out beamer): a choice
 * kept in this browser, so the coordinator sets it once per room's laptop.
 */
const KEY = 'wijkradar.briefing.projector';

export class ProjectorTheme {
  dark = $state(false);
  #storage: Pick<Storage, 'getItem' | 'setItem'> | null;

  constructor(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()) {
    this.#storage = storage;
    this.dark = storage?.getItem(KEY) === 'donker';
  }

  toggle(): void {
    this.dark = !this.dark;
    try {
      this.#storage?.setItem(KEY, this.dark ? 'donker' : 'licht');
    } catch {
      // A full or blocked storage only loses the preference, not the briefing.
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
