/**
 * The norms of the handling of meldingen as this browser keeps them (a team settles them
 * once): read by Management, where they are set, and by the Overzicht, whose item "open
 * meldingen over de norm" must count as Management does.
 */
import { DEFAULT_NORMS, readNorms, type HandlingNorms } from '$lib/analysis/melding-handling';
import { browserStorage, keepChoice, type ChoiceStorage } from '../shared/browser-storage';

/** Where the norms are kept in this browser. */
export const NORMS_KEY = 'wijkradar.management.normen';

/** The norms this browser keeps (the defaults when none or unreadable). */
export function storedNorms(storage: ChoiceStorage | null = browserStorage()): HandlingNorms {
  try {
    const text = storage?.getItem(NORMS_KEY);
    return text ? readNorms(JSON.parse(text)) : DEFAULT_NORMS;
  } catch {
    return DEFAULT_NORMS;
  }
}

export function keepNorms(storage: ChoiceStorage | null, norms: HandlingNorms): void {
  keepChoice(storage, NORMS_KEY, JSON.stringify(norms));
}
