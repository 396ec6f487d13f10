#!/usr/bin/env bash
# npm test – every check there is: lint, types, schema/migration agreement, unit and integration
# tests (PGlite and PostgreSQL), the production build, and Playwright in Chromium. Each stage runs even
# when an earlier one failed; the last line sums them all: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
out=test-report
rm -rf "$out" && mkdir -p "$out"
: >"$out/stages.txt"

stage() { # name, command...
  local name=$1; shift
  echo "== $name"
  local t0=$(date +%s)
  if "$@"; then echo "$name pass" >>"$out/stages.txt"; else echo "$name fail" >>"$out/stages.txt"; fi
  echo "== $name took $(( $(date +%s) - t0 )) s"
}

stage lint npx biome check .
stage typecheck npx tsc --noEmit
stage vitest npx vitest run --reporter=default --reporter=json --outputFile="$out/vitest.json"
# The route tests seed PGlite by default; run them once more against PostgreSQL.
stage vitest-api-postgres env API_TEST_DB=postgres npx vitest run app/api --reporter=default --reporter=json \
  --outputFile="$out/vitest-api-postgres.json"
# The build must never open the database (a prerendered page reading data would also bake it in).
stage build bash -c 'MG_DATA_DIR="$0/build-db" npx next build && { [ ! -e "$0/build-db" ] || { echo "next build opened the database"; exit 1; }; }' "$out"
# The production server on the paper's data under 10 clients for 10 s: no error, memory stable.
stage load-test npx tsx bench/load-test.ts --clients 10 --seconds 10
stage playwright env PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test --reporter=list,json

npx tsx scripts/test-summary.ts "$out" | tee "$out/summary.txt"
grep -q ' 0 failed' "$out/summary.txt"
