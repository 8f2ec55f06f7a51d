/**
 * The published dataset's download, started by the page itself before the app's code has
 * loaded (0.3–0.6 s on a two-core desktop): `startEarlyDownloads` runs as an inline script
 * in the page's head (hooks.server.ts writes its source there), fetches the manifest and,
 * on the briefing, the recent years' files; the app's reader takes those responses over
 * (`takeEarly`) and verifies them as it verifies any other.
 *
 * Not started when this browser keeps its own workspace (the app opens that instead of the
 * published data; `rememberOwnWorkspace` keeps the hint in localStorage).
 */

/** What the inline script leaves for the app, keyed by absolute URL. */
export interface EarlyDownloads {
  responses: Map<string, Promise<ArrayBuffer | null>>;
}

export const OWN_WORKSPACE_KEY = 'wijkradar.eigen-werkruimte';

/** A page path that opens the briefing (the only route ending in /briefing, any sub-path). */
export const BRIEFING_PATH = /\/briefing\/?$/;

/**
 * Runs in the page's head as `(source)(datasetDir, briefingDays, briefingPath, ownKey)`
 * (earlyDownloadsScript): it may use nothing from outside its own body, and only what a
 * browser runs without the app's code (no imports), so the app's constants come in as
 * arguments. `datasetDir` is the dataset folder relative to the page (`./dataset/`). On
 * the briefing it fetches what `selectFiles(manifest, recentFromYear(manifest,
 * briefingDays))` selects; that selection is written out here once more (tested equal).
 */
export function startEarlyDownloads(
  datasetDir: string,
  briefingDays: number,
  briefingPath: RegExp,
  ownWorkspaceKey: string,
): void {
  try {
    if (localStorage.getItem(ownWorkspaceKey) === '1') return;
  } catch {
    // No storage (private mode, policy): download as for a new browser.
  }
  const responses = new Map<string, Promise<ArrayBuffer | null>>();
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
  (globalThis as unknown as { __wijkradarEarly: EarlyDownloads }).__wijkradarEarly = { responses };
  const manifest = fetchBytes('manifest.json', 'no-store');
  if (!briefingPath.test(location.pathname)) return;
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
      for (const file of parsed.files ?? []) {
        if (file.year === null || file.year >= fromYear) void fetchBytes(file.path, 'no-cache');
      }
    } catch {
      // A manifest the app will reject with its own message.
    }
  });
}

/**
 * The early response for a URL, at most once (a later read fetches again); undefined when
 * the page started none for it.
 */
export function takeEarly(url: string): Promise<ArrayBuffer | null> | undefined {
  const early = (globalThis as unknown as { __wijkradarEarly?: EarlyDownloads }).__wijkradarEarly;
  const absolute = new URL(url, location.href).href;
  const response = early?.responses.get(absolute);
  early?.responses.delete(absolute);
  return response;
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
 * is JavaScript that gives the dataset folder when the page runs it.
 */
export function earlyDownloadsScript(datasetDirExpression: string, briefingDays: number): string {
  const args = [
    datasetDirExpression,
    String(briefingDays),
    String(BRIEFING_PATH),
    JSON.stringify(OWN_WORKSPACE_KEY),
  ];
  return `(${startEarlyDownloads.toString()})(${args.join(', ')});`;
}
