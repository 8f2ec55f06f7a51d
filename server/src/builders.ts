/**
 * The builders the server may run: the registry of data/queries (issue 25). A call is
 * checked there (unknown builder or wrong arguments: BuilderCallError, a Dutch message) and
 * built by the same function the browser runs.
 */
export { buildCall, BuilderCallError } from '../../src/lib/data/queries/registry';
