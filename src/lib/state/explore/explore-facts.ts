/**
 * The Verkennen projection for the view: the data layer builds and keeps it
 * (data/explore-projection.ts); here only the grid and the queue it is built in.
 */
import type { Connector } from '$lib/data/connector';
import {
  buildExploreFacts,
  ensureExploreFacts,
  exploreFactsComputedPerQuery,
} from '$lib/data/explore-projection';
import type { FactsForm } from '$lib/data/queries/explore-facts-table';
import { exclusive } from '../shared/db-queue';
import { DEFAULT_VIEW } from './explore-url';
import { getGridContext, type GridContext } from '../shared/grid-context';

/** The hexagon size every projected record carries its cell for (the default). */
export const FACTS_CELL = DEFAULT_VIEW.cell;

export const FACTS_VIEW_NOTICE =
  'Het geheugen van de rekenmodule is te vol voor de snelle tussentabel van Verkennen. ' +
  'Kaart en grafieken worden nu bij elke wijziging uit alle records berekend en zijn daardoor trager. ' +
  'Werk met minder records (verwijder bij Gegevens oudere jaren of gegevenssets) voor de gewone snelheid.';

/** Builds the projection as a table, or as a view when the table does not fit. */
export const buildFacts = (conn: Connector, grid: GridContext): Promise<FactsForm> =>
  buildExploreFacts(conn, grid.rd, FACTS_CELL);

export const ensureFacts = (conn: Connector, dataVersion: number): Promise<FactsForm> =>
  ensureExploreFacts(conn, dataVersion, async () => {
    const grid = await getGridContext(conn, dataVersion);
    // Not inside another statement sequence (an import's transaction).
    return exclusive(() => buildFacts(conn, grid));
  });

/** True when the projection of the current data is a view (see FACTS_VIEW_NOTICE). */
export const factsComputedPerQuery = exploreFactsComputedPerQuery;
