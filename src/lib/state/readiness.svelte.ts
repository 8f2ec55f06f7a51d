/**
 * The "rendered" signal for tests and benchmarks: `<html data-ready="true">` once the
 * page's data is loaded and its views are drawn, false while anything recomputes.
 * Views call `begin()` when work starts and the returned function when it is on screen.
 */
class Readiness {
  pending = $state(0);

  begin(): () => void {
    this.pending++;
    let finished = false;
    return () => {
      if (finished) return;
      finished = true;
      this.pending--;
    };
  }
}

export const readiness = new Readiness();
