/**
 * Which slide is shown, and the optional auto-advance with pause. Keyboard mapping as a
 * pure function so the page only forwards key presses.
 */
export type DeckAction = 'next' | 'previous' | 'first' | 'last' | 'fullscreen' | 'escape';

/** The deck's keys: arrows and page keys, space, Home/End, F, Esc. */
export function deckActionFor(key: string): DeckAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'Escape':
      return 'escape';
    default:
      return null;
  }
}

export class SlideDeck {
  index = $state(0);
  count = $state(1);
  /** Auto-advance on, and how many seconds per slide. */
  auto = $state(false);
  seconds = $state(20);
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(count: number) {
    this.count = count;
  }

  go(index: number): void {
    this.index = Math.max(0, Math.min(this.count - 1, index));
  }
  next(): void {
    // Auto-advance wraps around; by hand the last slide stays.
    if (this.auto && this.index === this.count - 1) this.index = 0;
    else this.go(this.index + 1);
  }
  previous(): void {
    this.go(this.index - 1);
  }

  /** Applies a navigation action; false for the ones the page handles (full screen, Esc). */
  apply(action: DeckAction): boolean {
    if (action === 'next') this.next();
    else if (action === 'previous') this.previous();
    else if (action === 'first') this.go(0);
    else if (action === 'last') this.go(this.count - 1);
    else return false;
    return true;
  }

  startAuto(): void {
    this.stopAuto();
    this.auto = true;
    this.#timer = setInterval(() => this.next(), this.seconds * 1000);
  }
  stopAuto(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.auto = false;
  }
  toggleAuto(): void {
    if (this.auto) this.stopAuto();
    else this.startAuto();
  }
}
