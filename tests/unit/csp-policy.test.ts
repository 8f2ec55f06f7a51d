/**
 * The Content-Security-Policy as the build writes it (hooks.server.ts over SvelteKit's
 * kit.csp, scripts/lib/csp.js) and as the README gives it to web servers. The built pages
 * themselves are checked in tests/e2e/csp.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PAGE_CSP_DIRECTIVES,
  pageCspDirectives,
  regionServerOrigins,
  SERVER_CSP,
  SERVER_SECURITY_HEADERS,
  SVELTEKIT_ANNOUNCER_STYLE,
} from '../../scripts/lib/csp.js';
import type { RequestEvent } from '@sveltejs/kit';
import { coverInlineScripts, handle } from '../../src/hooks.server';
import { PDOK_STYLE_URL } from '../../src/lib/display/pdok';

const ROOT = path.resolve(import.meta.dirname, '../..');
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

const EARLY = '\n      (function early() { fetch("./dataset/manifest.json"); })();\n    ';
const START = '\n\t\t\t\t{ __sveltekit_x = { base: "" }; }\n\t\t\t';

/** A page as SvelteKit renders it: its policy in the middle of the head, one script hashed. */
const rendered = () => `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="./favicon.svg" />
    <script data-assets=".">${EARLY}</script>
    <meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${sha256(START)}'; style-src 'self'">
    <link href="./_app/immutable/entry/start.js" rel="modulepreload">
  </head>
  <body><div class="sveltekit-body"><script>${START}</script></div></body>
</html>`;

describe('the page policy written into each page', () => {
  it('lists the hash of every inline script once, and nothing else is added', () => {
    const page = coverInlineScripts(rendered());
    const policy = /content-security-policy" content="([^"]*)"/.exec(page)![1];
    expect(policy).toBe(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${sha256(START)}' ` +
        `'sha256-${sha256(EARLY)}'; style-src 'self'`,
    );
  });

  it('stands first in the head, so that it governs the early script and the links', () => {
    const page = coverInlineScripts(rendered());
    const head = page.slice(page.indexOf('<head>') + '<head>'.length, page.indexOf('</head>'));
    const tags = [...head.matchAll(/<(\w+)[^>]*>/g)].map(([tag, name]) =>
      name === 'meta' ? tag.replace(/ content="[^"]*"/, '') : name,
    );
    expect(tags).toEqual([
      '<meta charset="utf-8" />',
      '<meta http-equiv="content-security-policy">',
      'link',
      'script',
      'link',
    ]);
    expect(page.match(/content-security-policy/g)).toHaveLength(1);
  });

  it('leaves the policy header of `vite dev` (no meta) to the hook, which adds the hashes', async () => {
    const page = rendered().replace(/<meta http-equiv[^>]*>/, '');
    expect(coverInlineScripts(page)).toBe(page);
    const response = await handle({
      event: {} as RequestEvent,
      resolve: async (_event, options) =>
        new Response(await options!.transformPageChunk!({ html: page, done: true }), {
          headers: { 'content-security-policy': "default-src 'self'; script-src 'self'" },
        }),
    });
    expect(response.headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self' 'sha256-${sha256(EARLY)}' 'sha256-${sha256(START)}'`,
    );
  });
});

describe('the policy module', () => {
  it('lets the app connect to the origin of the optional PDOK base map and no other', () => {
    expect(PAGE_CSP_DIRECTIVES['connect-src']).toEqual(['self', new URL(PDOK_STYLE_URL).origin]);
  });

  it('adds the region server origins a build allows to connect-src, and nothing else', () => {
    const origins = regionServerOrigins(' https://regio.example, http://10.0.0.5:8080 ');
    expect(origins).toEqual(['https://regio.example', 'http://10.0.0.5:8080']);
    const directives = pageCspDirectives(origins);
    expect(directives['connect-src']).toEqual([
      'self',
      new URL(PDOK_STYLE_URL).origin,
      'https://regio.example',
      'http://10.0.0.5:8080',
    ]);
    expect({ ...directives, 'connect-src': null }).toEqual({
      ...PAGE_CSP_DIRECTIVES,
      'connect-src': null,
    });
    expect(pageCspDirectives([])).toEqual(PAGE_CSP_DIRECTIVES);
    expect(regionServerOrigins(undefined)).toEqual([]);
    expect(regionServerOrigins('https://regio.example/')).toEqual(['https://regio.example']);
  });

  it('stops the build on a region origin setting that is not exactly an origin', () => {
    for (const bad of [
      'https://regio.example/query',
      'regio.example',
      'ftp://regio.example',
      '*',
      'https://*.example',
    ]) {
      expect(() => regionServerOrigins(bad), bad).toThrow(/WIJKRADAR_REGION_ORIGINS.*geen origin/);
    }
  });

  it('has the hash of the route announcer style of the installed SvelteKit', async () => {
    const root = await readFile(
      path.join(ROOT, 'node_modules/@sveltejs/kit/src/core/sync/write_root.js'),
      'utf8',
    );
    const style = /id="svelte-announcer"[^>]*\sstyle="([^"]*)"/.exec(root)![1];
    expect(SVELTEKIT_ANNOUNCER_STYLE).toBe(`sha256-${sha256(style)}`);
  });

  it('never allows inline scripts or eval, and the server header leaves scripts to the page', () => {
    expect(PAGE_CSP_DIRECTIVES['script-src']).toEqual(['self', 'wasm-unsafe-eval']);
    expect(SERVER_CSP).not.toMatch(/script-src|default-src|unsafe-inline/);
    expect(SERVER_CSP).toContain("frame-ancestors 'self'");
  });
});

describe('the README', () => {
  it('gives nginx and IIS exactly the headers the browser tests serve', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/-src [^\n|`]*'unsafe-inline'/);
    for (const [name, value] of Object.entries(SERVER_SECURITY_HEADERS)) {
      const header = name.replace(/(^|-)(\w)/g, (_, dash, c: string) => dash + c.toUpperCase());
      expect(readme).toContain(`add_header ${header} "${value}" always;`);
      expect(readme).toContain(`<add name="${header}" value="${value}" />`);
    }
  });
});
