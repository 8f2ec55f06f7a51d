/**
 * Engines that are no dependency of the app, installed on first use into a cache folder
 * (`$XDG_CACHE_HOME/wijkradar/<name>` or `~/.cache/wijkradar/<name>`), like the native
 * DuckDB of the import bench: chDB is ~540 MB, native DuckDB ~70 MB and platform-specific,
 * and `npm ci` of the app must not need either. Node only.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** The cache folder of one installed package set. */
export function cacheDir(name: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'wijkradar', name);
}

/**
 * Imports `entry` (a file inside the package, relative to node_modules) after installing
 * `spec` ('chdb@1.6.0') into the cache folder `name` if it is not there yet.
 */
export function importOnDemand<T>(name: string, spec: string, entry: string): Promise<T> {
  return importInstalled<T>(cacheDir(name), spec, entry);
}

/** The same for an installation folder of the caller's choice (the import bench's). */
export async function importInstalled<T>(dir: string, spec: string, entry: string): Promise<T> {
  const file = path.join(dir, 'node_modules', entry);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'package.json'), '{ "private": true }\n');
    await promisify(execFile)(
      'npm',
      ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec],
      { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
    );
    if (!existsSync(file)) throw new Error(`${spec} installed, but ${entry} is missing`);
  }
  return (await import(pathToFileURL(file).href)) as T;
}
