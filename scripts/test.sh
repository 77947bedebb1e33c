#!/usr/bin/env bash
# Runs the whole KyodoPortal test suite on a fresh machine:
#   1. installs what is missing (Chromium, a Japanese font, PostgreSQL) with apt,
#   2. installs axe-core from package-lock.json (npm ci),
#   3. starts a throw-away PostgreSQL on 127.0.0.1 (or reuses one already running),
#   4. builds the solution once (Release, warnings are errors),
#   5. runs all tests on SQLite, then the [Trait("Category","Database")] tests on PostgreSQL,
#      and on SQL Server too when KYODO_TEST_SQLSERVER is set (no SQL Server is started here),
#   6. stops the PostgreSQL server if it started it, and prints the totals.
# The last line of output is always "N passed, N failed".
#
# Settings: KYODO_PG_DIR (/tmp/kyodo-pg), KYODO_PG_PORT (55432),
#           KYODO_TEST_SQLSERVER (unset: a connection string of a SQL Server login that may create databases),
#           KYODO_CHROMIUM (/usr/bin/chromium),
#           KYODO_TEST_HANG_TIMEOUT (20m: a single test running longer aborts the run).
# While iterating, `scripts/postgres.sh start` keeps a server up between runs.
set -euo pipefail

start_seconds=$SECONDS
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=scripts/lib/postgres.sh
. "$repo/scripts/lib/postgres.sh"
# shellcheck source=scripts/lib/trx.sh
. "$repo/scripts/lib/trx.sh"

export KYODO_PG_DIR=${KYODO_PG_DIR:-/tmp/kyodo-pg}
export KYODO_PG_PORT=${KYODO_PG_PORT:-55432}
export KYODO_CHROMIUM=${KYODO_CHROMIUM:-/usr/bin/chromium}
export KYODO_AXE_JS=$repo/node_modules/axe-core/axe.min.js
export KYODO_ARTIFACTS=$repo/artifacts
# Each test app would watch its appsettings files: one inotify instance per app, and the per-user
# limit (often 128) runs out when several runs share a machine. The tests never edit settings files.
export DOTNET_hostBuilder__reloadConfigOnChange=false
results_dir=$repo/TestResults
hang_timeout=${KYODO_TEST_HANG_TIMEOUT:-20m}

summary_printed=0

section() { printf '\n==== %s ====\n' "$*"; }

elapsed() {
  local s=$((SECONDS - start_seconds))
  printf '%dm%02ds' $((s / 60)) $((s % 60))
}

# Stops what this run started, then prints the closing lines; the summary is last.
finish() {
  kyodo_pg_stop_if_started || true
  echo "Total wall time: $(elapsed)"
  summary_printed=1
  echo "$TRX_TOTAL_PASSED passed, $TRX_TOTAL_FAILED failed"
}

# shellcheck disable=SC2317  # invoked by the EXIT trap
on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  if [[ $summary_printed != 1 ]]; then
    echo "test.sh stopped before the end (exit code $rc)"
    TRX_TOTAL_FAILED=$((TRX_TOTAL_FAILED + 1))
    finish
    [[ $rc -ne 0 ]] || rc=1
  else
    kyodo_pg_stop_if_started
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "root is needed to run: $*" >&2
    return 1
  fi
}

# --- a. tools --------------------------------------------------------------
need=()
[[ -x $KYODO_CHROMIUM ]] || need+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [[ -z $(fc-list :lang=ja 2>/dev/null) ]]; then
  need+=(fonts-ipafont-gothic)
fi
kyodo_pg_bindir >/dev/null || need+=(postgresql)
command -v npm >/dev/null 2>&1 || need+=(npm)
if ((${#need[@]} > 0)); then
  section "apt-get install ${need[*]}"
  apt=(env DEBIAN_FRONTEND=noninteractive apt-get -y -qq -o Dpkg::Use-Pty=0)
  as_root "${apt[@]}" update
  if [[ " ${need[*]} " == *" postgresql "* && ! -f /etc/postgresql-common/createcluster.conf ]]; then
    # Keep apt from creating and starting a default cluster on port 5432: we run our own.
    as_root "${apt[@]}" install postgresql-common
    as_root sed -ri 's/^#?[[:space:]]*create_main_cluster[[:space:]]*=.*/create_main_cluster = false/' \
      /etc/postgresql-common/createcluster.conf
  fi
  as_root "${apt[@]}" install "${need[@]}"
fi

# --- b. node packages (axe-core) ------------------------------------------
if [[ ! -f node_modules/axe-core/axe.min.js || package-lock.json -nt node_modules/.package-lock.json ]]; then
  section "npm ci"
  npm ci --no-audit --no-fund
fi

rm -f "$results_dir"/*.trx
mkdir -p "$results_dir" "$KYODO_ARTIFACTS"

# --- c. PostgreSQL ------------------------------------------------------------
section "PostgreSQL"
pg_ok=0
if kyodo_pg_start test.sh; then
  pg_ok=1
else
  echo "PostgreSQL is not available: the PostgreSQL run will count as failed"
fi
KYODO_TEST_POSTGRES=$(kyodo_pg_conn)
export KYODO_TEST_POSTGRES
echo "KYODO_TEST_POSTGRES=$KYODO_TEST_POSTGRES"

# --- d. build -------------------------------------------------------------------
section "dotnet build"
if ! dotnet build KyodoPortal.sln -c Release -warnaserror -nologo; then
  echo "build: FAILED"
  TRX_TOTAL_PASSED=0
  TRX_TOTAL_FAILED=1
  finish
  exit 1
fi

# --- e. tests ---------------------------------------------------------------------
# run_tests LABEL PROVIDER [dotnet test args...]; sets test_rc.
run_tests() {
  local label=$1 provider=$2
  shift 2
  section "dotnet test: $label (KYODO_TEST_PROVIDER=$provider)"
  test_rc=0
  KYODO_TEST_PROVIDER=$provider dotnet test KyodoPortal.sln -c Release --no-build \
    --logger "trx;LogFileName=$label.trx" --results-directory "$results_dir" \
    --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none \
    "$@" || test_rc=$?
}

run_tests sqlite Sqlite
sqlite_rc=$test_rc

postgres_rc=
if [[ $pg_ok == 1 ]]; then
  run_tests postgres Postgres --filter "Category=Database"
  postgres_rc=$test_rc
fi

sqlserver_rc=
if [[ -n ${KYODO_TEST_SQLSERVER:-} ]]; then
  run_tests sqlserver SqlServer --filter "Category=Database"
  sqlserver_rc=$test_rc
fi

# --- f./g. results ------------------------------------------------------------
section "Results"
find "$results_dir" -mindepth 1 -type d -empty -delete 2>/dev/null || true # blame's empty folders
trx_tally sqlite "$sqlite_rc" "$results_dir"/sqlite*.trx
if [[ $pg_ok == 1 ]]; then
  trx_tally postgres "$postgres_rc" "$results_dir"/postgres*.trx
  if [[ $TRX_LAST_TOTAL == 0 ]]; then
    echo "WARNING: no test matched Category=Database: nothing ran on PostgreSQL"
  fi
else
  echo "postgres: server could not be started: counted as 1 failed"
  TRX_TOTAL_FAILED=$((TRX_TOTAL_FAILED + 1))
fi
if [[ -n ${KYODO_TEST_SQLSERVER:-} ]]; then
  trx_tally sqlserver "$sqlserver_rc" "$results_dir"/sqlserver*.trx
  if [[ $TRX_LAST_TOTAL == 0 ]]; then
    echo "WARNING: no test matched Category=Database: nothing ran on SQL Server"
  fi
else
  echo "SQL Server: not run (KYODO_TEST_SQLSERVER not set)"
fi
if ((TRX_TOTAL_PASSED == 0)); then
  echo "No test passed: the run fails."
fi
rc=0
if ((TRX_TOTAL_FAILED > 0 || TRX_TOTAL_PASSED == 0)); then rc=1; fi
finish
exit "$rc"
