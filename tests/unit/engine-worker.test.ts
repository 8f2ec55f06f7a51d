/**
 * The engine worker's own first script (data/engine-worker.ts), run in a stand-in for the
 * worker's global scope: DuckDB-WASM's worker leaves a failed download of its WebAssembly
 * unanswered (an unhandled rejection), and the app would wait for ever. The script must
 * answer that instantiation with an error, and nothing else.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { engineWorkerSource, reportFailedInstantiation } from '../../src/lib/data/engine-worker';

const SCRIPT =
  'https://intranet.example.nl/wijkradar/_app/immutable/assets/duckdb-browser-eh.worker.js';

let listeners: Map<string, ((event: unknown) => void)[]>;
let posted: unknown[];
let imported: string[];

beforeEach(() => {
  listeners = new Map();
  posted = [];
  imported = [];
  vi.stubGlobal('addEventListener', (type: string, listener: (event: unknown) => void) =>
    listeners.set(type, [...(listeners.get(type) ?? []), listener]),
  );
  vi.stubGlobal('postMessage', (message: unknown) => posted.push(message));
  vi.stubGlobal('importScripts', (...urls: string[]) => imported.push(...urls));
});
afterEach(() => vi.unstubAllGlobals());

const dispatch = (type: string, event: unknown) => {
  for (const listener of listeners.get(type) ?? []) listener(event);
};
/** A reply as DuckDB-WASM's worker sends it: through the global postMessage. */
const reply = (message: unknown) =>
  (globalThis as unknown as { postMessage(m: unknown): void }).postMessage(message);

describe('the engine worker', () => {
  it('loads DuckDB-WASM’s worker script after listening', () => {
    reportFailedInstantiation(SCRIPT);
    expect(imported).toEqual([SCRIPT]);
    expect([...listeners.keys()].sort()).toEqual(['message', 'unhandledrejection']);
    expect(engineWorkerSource(SCRIPT)).toContain(JSON.stringify(SCRIPT));
  });

  it('answers an instantiation whose download failed with an error', () => {
    reportFailedInstantiation(SCRIPT);
    dispatch('message', { data: { messageId: 7, type: 'INSTANTIATE', data: ['x.wasm', null] } });
    reply({ messageId: 0, requestId: 7, type: 'INSTANTIATE_PROGRESS', data: {} });
    dispatch('unhandledrejection', { reason: new TypeError('Failed to fetch') });
    expect(posted.at(-1)).toEqual({
      messageId: -2,
      requestId: 7,
      type: 'ERROR',
      data: { name: 'Error', message: 'Failed to fetch' },
    });
    // Answered once.
    dispatch('unhandledrejection', { reason: new Error('later') });
    expect(posted).toHaveLength(2);
  });

  it('leaves an instantiation that was answered, and anything before one, alone', () => {
    reportFailedInstantiation(SCRIPT);
    dispatch('unhandledrejection', { reason: new Error('before') });
    dispatch('message', { data: { messageId: 3, type: 'INSTANTIATE', data: [] } });
    reply({ messageId: 1, requestId: 3, type: 'OK', data: null });
    dispatch('unhandledrejection', { reason: new Error('after') });
    expect(posted).toEqual([{ messageId: 1, requestId: 3, type: 'OK', data: null }]);
  });
});
