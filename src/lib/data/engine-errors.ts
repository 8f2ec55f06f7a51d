/**
 * Errors as the user reads them. The app's own errors (UserError) are Dutch already; the
 * engine's and the browser's (DuckDB reports in English, a TypeError names code) never
 * reach the screen as they are: the ones a user can run into with valid data (memory,
 * storage, a file the browser cannot read) get their own Dutch explanation, anything else
 * a Dutch sentence saying what failed, that nothing was changed and what to do. The
 * technical text goes to the browser console for whoever investigates (issue 22, item 6).
 */
import { UserError } from './user-error';

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

export const STORAGE_FULL_MESSAGE =
  'De opslag van deze browser is vol, dus de gegevens konden niet worden bewaard. ' +
  'Verwijder bij Gegevens gegevenssets die u niet nodig hebt, of maak ruimte vrij in de browserinstellingen, en probeer het opnieuw.';

export const FILE_UNREADABLE_MESSAGE =
  'De browser kon het bestand niet lezen (het is verplaatst, gewijzigd of niet toegankelijk). ' +
  'Kies het bestand opnieuw.';

/** What to do after an unexpected error, below the sentence that says what failed. */
export const UNEXPECTED_ADVICE =
  'Er is niets gewijzigd. Probeer het opnieuw; lukt het dan nog niet, laad de pagina opnieuw. ' +
  'Blijft het misgaan, meld het dan bij de beheerder van wijkradar (de technische details staan in de console van de browser).';

export const UNEXPECTED_REASON =
  'Er trad een onverwachte fout op (de technische details staan in de console van de browser).';

/** For a failed computation of a view (it reads data only: nothing was changed). */
const VIEW_UNEXPECTED =
  'Er trad een onverwachte fout op. Kies een andere selectie of laad de pagina opnieuw; ' +
  'blijft het misgaan, meld het dan bij de beheerder van wijkradar (de technische details staan in de console van de browser).';

function errorName(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : '';
}

/** The Dutch explanation of an error a user can meet with valid input, or null. */
export function knownReason(error: unknown): string | null {
  if (error instanceof UserError) return error.message;
  if (isOutOfMemory(error)) return OUT_OF_MEMORY_MESSAGE;
  const name = errorName(error);
  if (name === 'QuotaExceededError') return STORAGE_FULL_MESSAGE;
  if (name === 'NotReadableError' || name === 'NotFoundError') return FILE_UNREADABLE_MESSAGE;
  return null;
}

/**
 * The Dutch text for any error: `context` says what failed ("Het inlezen is mislukt.").
 * Unexpected errors are logged to the console with their technical text.
 */
export function userMessage(error: unknown, context: string): string {
  const known = knownReason(error);
  if (known !== null) return known;
  console.error(context, error);
  return `${context} ${UNEXPECTED_ADVICE}`;
}

/**
 * Why something failed, as Dutch sentences, for a message that says the rest itself
 * ("De oudere jaren konden niet worden geladen. …").
 */
export function errorReason(error: unknown, unexpected = UNEXPECTED_REASON): string {
  const known = knownReason(error);
  if (known !== null) return known;
  console.error(error);
  return unexpected;
}

/** The text to show for an error from a query or a computation of a view. */
export function errorText(error: unknown): string {
  return errorReason(error, VIEW_UNEXPECTED);
}
