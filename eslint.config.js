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
