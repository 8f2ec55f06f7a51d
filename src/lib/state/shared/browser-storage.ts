/**
 * This browser's localStorage for small choices a user makes once (the projector theme,
 * the norms of the meldingen): null where there is none (Node, tests) or where the browser
 * blocks it, so a blocked storage only loses the choice, never the view.
 */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function browserStorage(): ChoiceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Writes a choice; a full or blocked storage loses it silently (the view goes on). */
export function keepChoice(storage: ChoiceStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // The choice is kept for this visit only.
  }
}
