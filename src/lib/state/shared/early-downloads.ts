/**
 * What the page starts itself before the app's code has loaded (0.3–0.9 s on a two-core
 * desktop): `startEarlyDownloads` runs as an inline script in the page's head
 * (hooks.server.ts writes its source there).
 *
 * - The published dataset: it fetches the manifest and, on the briefing, the recent years'
 *   files; the app's reader takes those responses over (`takeEarly`) and verifies them as
 *   it verifies any other. Not started when this browser keeps its own workspace (the app
 *   opens that instead; `rememberOwnWorkspace` keeps the hint in localStorage).
 * - The database engine, on every page but the briefing (which is drawn from the files and
 *   holds the engine back): DuckDB-WASM's worker, told to instantiate its WebAssembly
 *   with the worker's own first message, as `AsyncDuckDB.instantiate` would send it. The
 *   app's connector adopts that worker (`takeEarlyEngine`) instead of starting one.
 */
import { DATASET_FILE_NAME } from '$lib/data/dataset-files';
import { reportFailedInstantiation, type StartedEngine } from '$lib/data/engine-worker';

/** The engine worker the page started, with the module it instantiates. */
export interface EarlyEngine extends StartedEngine {
  /** Absolute URL of the WebAssembly module it instantiates. */
  wasm: string;
}

/** The engine's files, relative to the page (`./_app/immutable/assets/…`). */
export interface EngineFiles {
  worker: string;
  wasm: string;
}

/** What the inline script leaves for the app: responses keyed by absolute URL, the engine. */
export interface EarlyDownloads {
  responses: Map<string, Promise<ArrayBuffer | null>>;
  engine: EarlyEngine | null;
}

export const OWN_WORKSPACE_KEY = 'wijkradar.eigen-werkruimte';

/** A page path that opens the briefing (the only route ending in /briefing, any sub-path). */
export const BRIEFING_PATH = /\/briefing\/?$/;

/**
 * Runs in the page's head as `(source)(datasetDir, briefingDays, briefingPath, ownKey,
 * engineFiles, workerScript, fileName)` (earlyDownloadsScript): it may use nothing from
 * outside its own body, and only what a browser runs without the app's code (no imports),
 * so the app's constants come in as arguments. `datasetDir` is the dataset folder relative
 * to the page (`./dataset/`). On the briefing it fetches what `selectFiles(manifest,
 * recentFromYear(manifest, briefingDays))` selects; that selection is written out here
 * once more (tested equal). A manifest naming any file that is not a plain file name of
 * the dataset folder (`fileName`: dataset-files.ts's rule) gets no file fetched; the app
 * then refuses it with its own message.
 */
export function startEarlyDownloads(
  datasetDir: string,
  briefingDays: number,
  briefingPath: RegExp,
  ownWorkspaceKey: string,
  engineFiles: EngineFiles | null,
  workerScript: (scriptUrl: string) => void,
  fileName: RegExp,
): void {
  const responses = new Map<string, Promise<ArrayBuffer | null>>();
  const early: EarlyDownloads = { responses, engine: null };
  (globalThis as unknown as { __wijkradarEarly: EarlyDownloads }).__wijkradarEarly = early;
  const onBriefing = briefingPath.test(location.pathname);
  if (engineFiles && !onBriefing && typeof Worker === 'function') {
    try {
      // DuckDB-WASM's worker script, loaded by data/engine-worker.ts's script (as the app's
      // connector does), which answers a failed download instead of leaving it unanswered.
      const script = JSON.stringify(new URL(engineFiles.worker, location.href).href);
      const source = `(${workerScript.toString()})(${script});`;
      const blob = new Blob([source], { type: 'text/javascript' });
      const worker = new Worker(URL.createObjectURL(blob));
      const wasm = new URL(engineFiles.wasm, location.href).href;
      // DuckDB-WASM's worker protocol: it answers a request with `requestId` set to the
      // request's `messageId`; -1 is never one of AsyncDuckDB's own (they count from 0).
      const ready = new Promise<void>((resolve, reject) => {
        const listen = (event: MessageEvent) => {
          const reply = event.data as { requestId?: number; type?: string; data?: unknown };
          if (reply?.requestId !== -1 || reply.type === 'INSTANTIATE_PROGRESS') return;
          worker.removeEventListener('message', listen);
          if (reply.type === 'OK') resolve();
          else reject(new Error(String((reply.data as { message?: string })?.message)));
        };
        worker.addEventListener('message', listen);
        worker.addEventListener('error', () => reject(new Error('engine worker failed')));
      });
      ready.catch(() => undefined); // the app reads the outcome; none of it is unhandled
      worker.postMessage({ messageId: -1, type: 'INSTANTIATE', data: [wasm, null] });
      early.engine = { worker, wasm, started: performance.now(), ready };
    } catch {
      // No worker here (policy, old browser): the app starts the engine itself.
    }
  }
  try {
    if (localStorage.getItem(ownWorkspaceKey) === '1') return;
  } catch {
    // No storage (private mode, policy): download as for a new browser.
  }
  const fetchBytes = (name: string, cache: RequestCache) => {
    const url = new URL(datasetDir + name, location.href).href;
    const response = fetch(url, { cache })
      .then((r) => {
        const type = r.headers.get('content-type') ?? '';
        return r.ok && !type.startsWith('text/html') ? r.arrayBuffer() : null;
      })
      .catch(() => null);
    responses.set(url, response);
    return response;
  };
  const manifest = fetchBytes('manifest.json', 'no-store');
  if (!onBriefing) return;
  void manifest.then((bytes) => {
    if (!bytes) return;
    try {
      const parsed = JSON.parse(new TextDecoder().decode(bytes)) as {
        data_until?: string | null;
        files?: { path: string; year: number | null }[];
      };
      let fromYear = -Infinity;
      if (parsed.data_until) {
        const day = new Date(`${parsed.data_until}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() - briefingDays);
        fromYear = day.getUTCFullYear();
      }
      const files = Array.isArray(parsed.files) ? parsed.files : [];
      if (!files.every((f) => typeof f?.path === 'string' && fileName.test(f.path))) return;
      for (const file of files) {
        if (file.year === null || file.year >= fromYear) void fetchBytes(file.path, 'no-cache');
      }
    } catch {
      // A manifest the app will reject with its own message.
    }
  });
}

const earlyDownloads = () =>
  (globalThis as unknown as { __wijkradarEarly?: EarlyDownloads }).__wijkradarEarly;

/**
 * The early response for a URL, at most once (a later read fetches again); undefined when
 * the page started none for it.
 */
export function takeEarly(url: string): Promise<ArrayBuffer | null> | undefined {
  const early = earlyDownloads();
  const absolute = new URL(url, location.href).href;
  const response = early?.responses.get(absolute);
  early?.responses.delete(absolute);
  return response;
}

/**
 * The engine the page started, at most once, when it instantiates the module the app
 * chose (`wasmUrl`); a worker for another module is stopped. Undefined when there is none.
 */
export function takeEarlyEngine(wasmUrl: string): EarlyEngine | undefined {
  const early = earlyDownloads();
  const engine = early?.engine ?? undefined;
  if (!early || !engine) return undefined;
  early.engine = null;
  if (engine.wasm === new URL(wasmUrl, location.href).href) return engine;
  engine.worker.terminate();
  return undefined;
}

/** Keeps the hint for the next page load: this browser opens a workspace of its own. */
export function rememberOwnWorkspace(own: boolean): void {
  try {
    if (own) localStorage.setItem(OWN_WORKSPACE_KEY, '1');
    else localStorage.removeItem(OWN_WORKSPACE_KEY);
  } catch {
    // No storage: the next start downloads as a new browser would.
  }
}

/**
 * The inline script's text for the page's head (hooks.server.ts). `datasetDirExpression`
 * is JavaScript that gives the dataset folder when the page runs it,
 * `engineFilesExpression` JavaScript that gives the EngineFiles (or null: no engine).
 */
export function earlyDownloadsScript(
  datasetDirExpression: string,
  briefingDays: number,
  engineFilesExpression = 'null',
): string {
  const args = [
    datasetDirExpression,
    String(briefingDays),
    String(BRIEFING_PATH),
    JSON.stringify(OWN_WORKSPACE_KEY),
    engineFilesExpression,
    reportFailedInstantiation.toString(),
    String(DATASET_FILE_NAME),
  ];
  return `(${startEarlyDownloads.toString()})(${args.join(', ')});`;
}
