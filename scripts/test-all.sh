#!/usr/bin/env bash
# The one gate (STYLE.md §11): the same steps locally, in the README and in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/Amsterdam

step() { printf '\n=== %s ===\n' "$1"; }

step 'Opmaak (prettier)'
npx prettier --check .
step 'Lint (eslint, met laaggrenzen)'
npx eslint .
step 'Typecontrole (svelte-check)'
npm run --silent check
step 'Unit- en integratietests (vitest, Node, echte DuckDB)'
npx vitest run
step 'Build'
npx vite build
step 'Browsertests (Chromium)'
npx vitest run --config vitest.e2e.config.ts
