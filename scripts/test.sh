#!/usr/bin/env bash
# The whole test suite, as CI runs it (`npm test`):
#   system packages → lint → typecheck → throwaway PostgreSQL → unit + PGlite + PostgreSQL tests
#   → production build → browser journeys (e2e) against the built server.
# Stops at the first failing step and exits non-zero. The PostgreSQL server is stopped and its
# directory removed on every exit, including failures and Ctrl-C.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
readonly REPO_ROOT
readonly CHROMIUM=/usr/bin/chromium
readonly DEJAVU_FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
readonly RESULTS_DIR=$REPO_ROOT/test-results

PG_DIR=''
TIMINGS=()
BOLD='' RED='' GREEN='' RESET=''
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  BOLD=$'\033[1m' RED=$'\033[1;31m' GREEN=$'\033[32m' RESET=$'\033[0m'
fi

now_ms() {
  date +%s%3N
}

format_ms() {
  local ms=$1
  printf '%d:%02d.%d' $((ms / 60000)) $((ms / 1000 % 60)) $((ms / 100 % 10))
}

header() {
  printf '\n%s━━━ %s ━━━%s\n' "$BOLD" "$1" "$RESET"
}

# run_step "title" command...: a section header, the command, its elapsed time; exit on failure.
run_step() {
  local title=$1
  shift
  header "$title"
  local start rc=0 elapsed
  start=$(now_ms)
  "$@" || rc=$?
  elapsed=$(($(now_ms) - start))
  TIMINGS+=("$(printf '%-42s %s' "$title" "$(format_ms "$elapsed")")")
  if ((rc != 0)); then
    printf '\n%s✗ %s failed (exit %d) after %s%s\n' "$RED" "$title" "$rc" "$(format_ms "$elapsed")" "$RESET" >&2
    print_timings
    print_test_counts
    exit "$rc"
  fi
  printf '%s✓ %s (%s)%s\n' "$GREEN" "$title" "$(format_ms "$elapsed")" "$RESET"
}

print_timings() {
  ((${#TIMINGS[@]} > 0)) || return 0
  header 'Timings'
  printf '%s\n' "${TIMINGS[@]}"
}

# vitest with its usual output, plus a JSON report for the closing counts.
vitest_run() {
  local report=$1
  shift
  npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS_DIR/$report.json" "$@"
}

# One closing line over every vitest run so far: "Tests: N passed, N failed, N skipped".
print_test_counts() {
  compgen -G "$RESULTS_DIR/vitest-*.json" >/dev/null || return 0
  # shellcheck disable=SC2016 # JavaScript, not shell
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    let passed = 0, failed = 0, skipped = 0;
    for (const file of process.argv.slice(1)) {
      const r = JSON.parse(readFileSync(file, "utf8"));
      passed += r.numPassedTests;
      skipped += r.numPendingTests + r.numTodoTests;
      // A file that fails to load fails no test but fails its suite.
      failed += r.numFailedTests || (r.success ? 0 : Math.max(1, r.numFailedTestSuites));
    }
    console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  ' "$RESULTS_DIR"/vitest-*.json || true
}

have_postgres_server() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

ensure_system_packages() {
  local missing=()
  [[ -x "$CHROMIUM" ]] || missing+=(chromium)
  have_postgres_server || missing+=(postgresql)
  [[ -f "$DEJAVU_FONT" ]] || missing+=(fonts-dejavu-core)
  if ((${#missing[@]} == 0)); then
    echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
    echo "postgresql: $(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tr '\n' ' ')"
    return 0
  fi
  echo "missing system packages: ${missing[*]}"
  if [[ $EUID -ne 0 ]]; then
    echo 'The tests need them. Run this once, then npm test again:' >&2
    echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}" >&2
    return 1
  fi
  command -v apt-get >/dev/null || {
    echo "apt-get not found: install ${missing[*]} with this system's package manager" >&2
    return 1
  }
  # Steps run in an `||` context where set -e is ignored: every failure returns explicitly.
  apt-get update || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" || return 1
  [[ -x "$CHROMIUM" ]] || {
    echo "$CHROMIUM still missing after installing chromium" >&2
    return 1
  }
  have_postgres_server || {
    echo 'PostgreSQL server binaries still missing after installing postgresql' >&2
    return 1
  }
}

stop_postgres() {
  if [[ -n "$PG_DIR" ]]; then
    "$REPO_ROOT/scripts/pg-throwaway.sh" stop "$PG_DIR" || echo "warning: could not stop the PostgreSQL server in $PG_DIR" >&2
    PG_DIR=''
    unset TEST_DATABASE_URL
  fi
}

start_postgres() {
  PG_DIR=$(mktemp -d -t tadata-test-pg.XXXXXX) || return 1
  local url
  url=$("$REPO_ROOT/scripts/pg-throwaway.sh" start "$PG_DIR") || return 1
  export TEST_DATABASE_URL=$url
  echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"
}

on_exit() {
  local rc=$?
  stop_postgres
  return "$rc"
}

main() {
  cd "$REPO_ROOT"
  trap on_exit EXIT
  # Make Ctrl-C and kill run the EXIT trap too, with the conventional status.
  trap 'exit 130' INT
  trap 'exit 143' TERM

  local total_start
  total_start=$(now_ms)
  mkdir -p "$RESULTS_DIR"
  rm -f "$RESULTS_DIR"/vitest-*.json
  echo "Tadata tests — node $(node --version), $(nproc) cores, in $REPO_ROOT"

  run_step 'System packages (chromium, postgresql)' ensure_system_packages
  run_step 'Lint (npm run lint)' npm run --silent lint
  run_step 'Typecheck (npm run typecheck)' npm run --silent typecheck
  run_step 'Throwaway PostgreSQL server' start_postgres
  run_step 'Tests: unit, PGlite, PostgreSQL' vitest_run vitest-unit-db --project unit --project pglite --project postgres
  run_step 'Stop PostgreSQL server' stop_postgres
  run_step 'Build (vite build)' npx vite build
  run_step 'Tests: e2e browser journeys' vitest_run vitest-e2e --project e2e

  print_timings
  printf '\n%s✓ All tests passed in %s%s\n' "$GREEN" "$(format_ms $(($(now_ms) - total_start)))" "$RESET"
  print_test_counts
}

# Sourcing the file (for example to call ensure_system_packages alone) does not run the suite.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
