/**
 * One database connection serves the whole tab, and several of the Gegevens screen's
 * actions are sequences of statements (staging tables, a transaction). Running them one
 * after another keeps a preview from landing inside an import's transaction.
 */
let tail: Promise<unknown> = Promise.resolve();

/** Runs `work` after every earlier queued work has finished (never nest calls). */
export function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}
