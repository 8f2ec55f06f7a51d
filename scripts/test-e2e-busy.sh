#!/usr/bin/env bash
# The browser tests with every core deliberately busy (issue 27, item 13): one busy loop
# per core runs beside the suite, which must still pass; the wall time is reported.
# Run after `npx vite build`.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/Amsterdam

cores=$(nproc)
pids=()
for _ in $(seq "$cores"); do
  node -e 'for (;;) {}' &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
# The load average needs a minute to see the loops: the scale they cause is set directly.
export E2E_TIME_SCALE=${E2E_TIME_SCALE:-2}
started=$SECONDS
npx vitest run --config vitest.e2e.config.ts "$@"
printf '\n=== Browsertests met %s bezette kernen geslaagd in %s s ===\n' "$cores" $((SECONDS - started))
