/**
 * The database engine's worker: DuckDB-WASM's own worker script, loaded by a small script
 * of ours that runs first. DuckDB-WASM 1.32 downloads its WebAssembly inside the worker
 * without handling a failed download: the promise rejects unhandled and the instantiation
 * never answers, so the app would wait for ever. Our script answers the pending
 * instantiation with an error instead, so that the app can start again or say what is
 * wrong.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

declare const importScripts: (...urls: string[]) => void;

/**
 * DuckDB-WASM's self-hosted single-threaded bundles, as the build names them: the one
 * list of the engine's files, for the connector's bundle choice (duckdb-browser.ts) and
 * for the page head that starts the `eh` engine early (hooks.server.ts).
 */
export const ENGINE_BUNDLES = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
} as const;

/** An engine worker started before the connector needed it, instantiating its module. */
export interface StartedEngine {
  worker: Worker;
  /** performance.now() when it was started. */
  started: number;
  /** Settles with DuckDB-WASM's answer to the instantiation. */
  ready: Promise<void>;
}

interface WorkerMessage {
  messageId?: number;
  requestId?: number;
  type?: string;
}

/**
 * Runs inside the worker, before DuckDB-WASM's script (`scriptUrl`, absolute): it may use
 * nothing from outside its own body (its source text is what runs, see engineWorkerSource).
 */
export function reportFailedInstantiation(scriptUrl: string): void {
  const scope = globalThis as unknown as {
    addEventListener(type: string, listener: (event: never) => void): void;
    postMessage(message: unknown, transfer?: Transferable[]): void;
  };
  let pending: number | null = null;
  scope.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    if (event.data?.type === 'INSTANTIATE') pending = event.data.messageId ?? null;
  });
  const post = scope.postMessage.bind(scope);
  scope.postMessage = (message: unknown, transfer?: Transferable[]) => {
    const reply = message as WorkerMessage | null;
    if (reply?.requestId === pending && reply?.type !== 'INSTANTIATE_PROGRESS') pending = null;
    post(message, transfer ?? []);
  };
  scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (pending === null) return;
    const requestId = pending;
    pending = null;
    const reason = event.reason as { message?: unknown } | undefined;
    const message = String(reason?.message ?? reason);
    post({ messageId: -2, requestId, type: 'ERROR', data: { name: 'Error', message } });
  });
  importScripts(scriptUrl);
}

/** The worker's script text, for DuckDB-WASM's worker script at `scriptUrl` (absolute). */
export function engineWorkerSource(scriptUrl: string): string {
  return `(${reportFailedInstantiation.toString()})(${JSON.stringify(scriptUrl)});`;
}

/** Starts the engine's worker for DuckDB-WASM's worker script at `scriptUrl`. */
export function startEngineWorker(scriptUrl: string): Worker {
  const absolute = new URL(scriptUrl, location.href).href;
  const blob = new Blob([engineWorkerSource(absolute)], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob));
}
