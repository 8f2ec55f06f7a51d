/**
 * What a user reads in the components is Dutch (issue 26, "Dutch everywhere"): the legends
 * said "false discovery rate" and "kernel". This scans the markup of every Svelte component
 * (scripts and styles left out) for English statistical and interface terms that have a
 * Dutch wording in the app.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const ENGLISH = [
  /false discovery/i,
  /\bkernel\b/i,
  /\bhot ?spot analysis\b/i,
  /\bzoom (in|out)\b/i,
  /\bnot found\b/i,
  /\bno data\b/i,
];

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return svelteFiles(full);
    return entry.name.endsWith('.svelte') ? [full] : [];
  });
}

/** The markup of a component: without <script> and <style> blocks and without comments. */
const markup = (source: string) =>
  source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');

describe('component text', () => {
  it('has no English terms where the app has Dutch ones', () => {
    const files = svelteFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => {
      const text = markup(readFileSync(file, 'utf8'));
      return ENGLISH.filter((term) => term.test(text)).map(
        (term) => `${path.relative(SRC, file)}: ${term}`,
      );
    });
    expect(found).toEqual([]);
  });
});
