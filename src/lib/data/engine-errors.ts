/**
 * The database engine's errors as the user reads them. DuckDB reports in English; the one
 * a user can run into with valid data, running out of memory, gets a Dutch explanation
 * and what to do about it. Other errors keep their text: they point at a fault, and the
 * wording helps whoever investigates it.
 */

/**
 * DuckDB-WASM can address at most 4 GB, of which the engine takes about 3.1 GB for data
 * (its memory limit); 10 million records of the canonical tables take about 2 GB of it.
 */
export const OUT_OF_MEMORY_MESSAGE =
  'Het geheugen van de rekenmodule in deze browser is vol (een browsertabblad kan ongeveer 3 GB gebruiken). ' +
  'Werk met minder records: verwijder bij Gegevens oudere jaren of gegevenssets die u niet nodig hebt, ' +
  'of lees een kortere periode in.';

/** DuckDB's "Out of Memory Error: could not allocate block of size …" (any engine build). */
export function isOutOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /Out of Memory Error/i.test(text);
}

/** The engine's WebAssembly could not be downloaded or started (data/engine-worker.ts). */
export const ENGINE_LOAD_FAILED =
  'De rekenmodule (DuckDB) kon niet worden geladen. Controleer de verbinding met de server en probeer het opnieuw.';

/** The text to show for an error from a query or a computation. */
export function errorText(error: unknown): string {
  if (isOutOfMemory(error)) return OUT_OF_MEMORY_MESSAGE;
  return error instanceof Error ? error.message : String(error);
}
