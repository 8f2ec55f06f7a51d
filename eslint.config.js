import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// Layer boundaries (STYLE.md §4): data and analysis stay pure so they run in Node tests,
// scripts and, later, against a server DuckDB.
const UI_LIBRARIES = [
  { name: 'svelte', message: 'data/ and analysis/ must not depend on Svelte.' },
  { name: 'maplibre-gl', message: 'data/ and analysis/ must not depend on the map.' },
  { name: 'chart.js', message: 'data/ and analysis/ must not depend on charts.' },
];
const UI_PATTERNS = [
  {
    group: ['svelte/*', '$app/*', '@sveltejs/*'],
    message: 'No Svelte/SvelteKit in data/ or analysis/.',
  },
  {
    group: ['@deck.gl/*', '@luma.gl/*', 'maplibre-gl/*'],
    message: 'No map libraries in data/ or analysis/.',
  },
  { group: ['chart.js/*', 'chartjs-*'], message: 'No chart libraries in data/ or analysis/.' },
  {
    group: [
      '**/state/*',
      '**/map/*',
      '**/charts/*',
      '**/components/*',
      '$lib/state/*',
      '$lib/map/*',
      '$lib/charts/*',
      '$lib/components/*',
    ],
    message: 'data/ and analysis/ are the bottom layers.',
  },
];

// The display layers (STYLE.md "Shape of the app"): state models turn intent into data,
// map/ and charts/ draw it, components compose both and may import every layer. What the two sides share (layer data
// shapes, theme colours, tooltip texts) lives in display/, which imports none of them.
const layerPatterns = (folders, message) => [
  {
    group: folders.flatMap((folder) => [`**/${folder}/*`, `$lib/${folder}/*`]),
    message,
  },
];
const LAYER_RULES = [
  {
    files: ['src/lib/map/**', 'src/lib/charts/**'],
    patterns: layerPatterns(
      ['state', 'components'],
      'map/ and charts/ draw what they are given: no state models or components (shared shapes go in display/).',
    ),
  },
  {
    files: ['src/lib/state/**'],
    patterns: layerPatterns(
      ['map', 'charts', 'components'],
      'state/ models hand data to the display, they do not draw it (shared shapes go in display/).',
    ),
  },
  {
    // Components may import every layer above data/, but reach the database only through
    // state/ (STYLE.md: thin components, no data access).
    files: ['src/lib/components/**'],
    patterns: [
      {
        group: ['@duckdb/*', '$lib/data/duckdb-*', '$lib/data/database', '**/data/duckdb-*'],
        message:
          'Components render what state/ models hold: the database is reached through state/.',
      },
    ],
  },
  {
    files: ['src/lib/display/**'],
    patterns: layerPatterns(
      ['state', 'map', 'charts', 'components'],
      'display/ is shared by state/, map/ and charts/: it imports none of them.',
    ),
  },
];

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/lib/data/**', 'src/lib/analysis/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: UI_LIBRARIES, patterns: UI_PATTERNS }],
    },
  },
  {
    files: ['src/lib/analysis/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...UI_LIBRARIES,
            { name: '@duckdb/duckdb-wasm', message: 'analysis/ is pure TypeScript: no database.' },
          ],
          patterns: [
            ...UI_PATTERNS,
            {
              group: ['**/data/*', '$lib/data/*'],
              message: 'analysis/ must not reach into data/.',
            },
          ],
        },
      ],
    },
  },
  ...LAYER_RULES.map(({ files, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  {
    files: ['src/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@duckdb/*', '$lib/data/duckdb-*'],
              message: 'Routes compose views; data access goes through state/.',
            },
          ],
        },
      ],
    },
  },
  {
    ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'static/', 'bench-data/'],
  },
);
