#!/usr/bin/env bash
# The one gate (STYLE.md §11): the same steps locally, in the README and in CI.
# Each step reports its wall time, and the whole run its total, on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/Amsterdam

# The region server's native DuckDB (server/package-lock.json), for its contract tests.
if [ ! -d server/node_modules/@duckdb/node-api ]; then
  npm ci --prefix server --no-audit --no-fund
fi

started=$SECONDS
step_started=$SECONDS
step_name=''
done_step() {
  if [ -n "$step_name" ]; then
    printf '=== %s: klaar in %s s ===\n' "$step_name" $((SECONDS - step_started))
  fi
}
step() {
  done_step
  step_name=$1
  step_started=$SECONDS
  printf '\n=== %s ===\n' "$1"
}

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
done_step
printf '\n=== Alle controles geslaagd in %s s ===\n' $((SECONDS - started))
