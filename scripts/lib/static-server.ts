/**
 * A plain static file server for the built app, as a municipality's intranet web server
 * would serve it: files from build/ (optionally under a sub-path), unknown paths answered
 * with the SPA fallback page, nothing else. Used by the browser tests and benchmarks so
 * they see exactly what a deployment serves (vite preview serves SvelteKit's intermediate
 * output instead).
 */
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
};

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

export async function startStaticServer(
  root: string,
  basePath = '',
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const base = basePath.replace(/\/$/, '');
  // Unknown URLs: the adapter's fallback page (as nginx's error_page would serve it).
  const fallback = existsSync(path.join(root, '404.html'))
    ? path.join(root, '404.html')
    : path.join(root, 'index.html');
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base + '/') && url.pathname !== base) {
      response.writeHead(404).end();
      return;
    }
    const relative = decodeURIComponent(url.pathname.slice(base.length)) || '/';
    let file = path.join(root, path.normalize(relative));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    // As nginx's `try_files $uri $uri.html $uri/index.html <fallback>`.
    const candidates = [file, `${file}.html`, path.join(file, 'index.html')];
    let found = fallback;
    for (const candidate of candidates) {
      const info = await stat(candidate).catch(() => null);
      if (info?.isFile()) {
        found = candidate;
        break;
      }
    }
    file = found;
    // As nginx's `gzip_static on;`: the build's precompressed copy when the browser takes it.
    const zipped = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
      ? await stat(`${file}.gz`).catch(() => null)
      : null;
    const gzip = zipped?.isFile() ?? false;
    const body = gzip ? `${file}.gz` : file;
    response.writeHead(200, {
      'content-length': String((gzip ? zipped! : await stat(file)).size),
      ...headers,
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': file === fallback ? 'no-cache' : 'public, max-age=3600',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    createReadStream(body, { highWaterMark: 1 << 22 }).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
