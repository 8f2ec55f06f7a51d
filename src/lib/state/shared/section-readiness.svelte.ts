/**
 * The "rendered" signal of a section that loads after its view is on screen (a part below
 * the fold): the page's `<html data-ready>` (readiness.svelte.ts) does not wait for it, so
 * the section's own element says whether it is done, as `data-section-ready` (and
 * `aria-busy` for screen readers). The browser tests' waitForReady waits for both, so a
 * test that reads the section after it finds the section's figures.
 *
 * Same contract as the page's signal: `begin()` when work starts, the returned function
 * when its result is on screen. A section is also not ready before its first work began:
 * the coordinator holds it from the start (`begin()` at construction) until it has handed
 * the section its work.
 */
export class SectionReadiness {
  #pending = $state(0);

  /** True when nothing of the section is being computed. */
  get ready(): boolean {
    return this.#pending === 0;
  }

  begin(): () => void {
    this.#pending++;
    let finished = false;
    return () => {
      if (finished) return;
      finished = true;
      this.#pending--;
    };
  }
}
