#!/usr/bin/env bash
# Load benchmark of the portal's main pages (docs/performance.md says how to read it).
#
#   scripts/bench.sh [--db sqlite|postgres] [--data demo|SCALE] [--duration S] [--runs N]
#                    [--warmup S] [--connections C] [--app DIR] [--existing NAME] [--write-docs]
#
# Release build, Production settings, the server pinned to core 0 and wrk to core 1 (taskset),
# C connections (16), a warm-up, then N runs (3) of S seconds (10) per page; the median run is
# printed. Before any page is measured, every page is loaded for --warmup S seconds (20): the JIT
# compiles the hot paths again, optimised, only after they have run a while (tiered compilation),
# and a page measured in its first seconds was seen at a third of its later speed. The build is
# published ReadyToRun, as the Dockerfile publishes it. --data demo fills the database with the demo city; a number runs the large-city
# generator at that scale (`generate-city --scale N`). Prints per page: requests/s, p50, p99,
# the ratio to the baseline page measured in the same run (the sign-in page: a Razor view with
# the site layout and no database), and SQL commands per request (from the request log line);
# then the server's RSS and the cold start to the first 200. --write-docs also replaces this
# configuration's table in docs/performance.md. Figures are measured, never asserted in tests.
#
# --app DIR measures an app already published there (e.g. an older commit, for before → after)
# instead of publishing this tree. --existing NAME measures a database already filled (PostgreSQL:
# its name on the server; SQLite: the path of its file), e.g. a scale-10 city, which takes half an
# hour to generate, instead of a fresh one; --data then only labels the table. KYODO_BENCH_DIR (default /tmp/kyodo-bench) holds the build, data and logs; PostgreSQL runs
# through scripts/postgres.sh on KYODO_PG_PORT (default 55462 here) and is stopped afterwards
# if this script started it. KYODO_BENCH_QUIET_FILE, when set, is a file created while the server
# runs and removed afterwards, for other jobs on a shared machine to wait on.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

db=sqlite data=demo duration=10 runs=3 warmup=20 connections=16 write_docs=false app= existing=
while [[ $# -gt 0 ]]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --app) app=$(cd "$2" && pwd); shift 2 ;;
    --existing) existing=$2; shift 2 ;;
    --write-docs) write_docs=true; shift ;;
    *) echo "usage: $0 [--db sqlite|postgres] [--data demo|SCALE] [--duration S] [--runs N] [--warmup S] [--connections C] [--app DIR] [--existing NAME] [--write-docs]" >&2; exit 2 ;;
  esac
done
[[ $db == sqlite || $db == postgres ]] || { echo "--db is sqlite or postgres" >&2; exit 2; }
[[ -z $existing || $db == postgres || -f $existing ]] || { echo "--existing with --db sqlite is the path of a database file" >&2; exit 2; }

work=${KYODO_BENCH_DIR:-/tmp/kyodo-bench}
port=${KYODO_BENCH_PORT:-5190}
password=kyodo-demo-passphrase-2026
coordinator=${KYODO_BENCH_ACCOUNT:-coordinator@example.jp}
label="$db, data $data"
mkdir -p "$work"
log() { printf '[bench] %s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  if [[ $(id -u) == 0 ]]; then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
fi
cores=$(nproc)
server_cpu=() load_cpu=()
if (( cores >= 2 )) && command -v taskset >/dev/null; then
  server_cpu=(taskset -c 0) load_cpu=(taskset -c 1)
else
  log "only $cores core(s) or no taskset: server and load share the CPU (figures are not comparable)"
fi

# --- build -----------------------------------------------------------------------------------
if [[ -z $app ]]; then
  app="$work/app"
  log "publishing Release to $app"
  rid=linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')
  dotnet publish "$root/src/KyodoPortal.Web" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$app" --nologo -v q -p:TreatWarningsAsErrors=true >/dev/null
fi

# --- database --------------------------------------------------------------------------------
slug=$(printf '%s-%s' "$db" "$data" | tr -c 'a-zA-Z0-9-' '_')
datadir="$work/data-$slug"
rm -rf "$datadir" && mkdir -p "$datadir"
started_pg=false
if [[ $db == postgres ]]; then
  export KYODO_PG_DIR=${KYODO_PG_DIR:-$work/pg} KYODO_PG_PORT=${KYODO_PG_PORT:-55462}
  # shellcheck source=scripts/lib/postgres.sh
  . "$root/scripts/lib/postgres.sh"
  if ! kyodo_pg_bindir >/dev/null 2>&1 || ! kyodo_pg_isready; then
    "$root/scripts/postgres.sh" start >/dev/null
    started_pg=true
  fi
  psql_bin="$(kyodo_pg_bindir)/psql"
  if [[ -n $existing ]]; then
    dbname=$existing
  else
    dbname="kyodo_bench_${slug//-/_}"
    "$psql_bin" -h 127.0.0.1 -p "$KYODO_PG_PORT" -U postgres -q -c "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" -c "CREATE DATABASE $dbname" >/dev/null
  fi
  provider=Postgres connection="Host=127.0.0.1;Port=$KYODO_PG_PORT;Username=postgres;Database=$dbname;Pooling=true;Maximum Pool Size=64"
elif [[ -n $existing ]]; then
  provider=Sqlite connection="Data Source=$(cd "$(dirname "$existing")" && pwd)/$(basename "$existing")"
else
  provider=Sqlite connection="Data Source=$datadir/kyodo.db"
fi

app_env=(
  ASPNETCORE_ENVIRONMENT=Production Security__RequireHttps=false
  Database__Provider=$provider "ConnectionStrings__Kyodo=$connection" Storage__DataPath="$datadir"
  Serilog__WriteTo__0__Args__configure__1__Args__path="$datadir/logs/kyodo-.log"
  DOTNET_hostBuilder__reloadConfigOnChange=false
  MALLOC_ARENA_MAX=2 # as the Dockerfile sets it (docs/operations.md)
)
server_pid=
stop_server() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
quiet_file=${KYODO_BENCH_QUIET_FILE:-}
cleanup() {
  [[ -z $quiet_file ]] || rm -f "$quiet_file"
  stop_server
  if [[ $started_pg == true ]]; then "$root/scripts/postgres.sh" stop >/dev/null || true; fi
}
trap cleanup EXIT

wait_for() { # URL SECONDS -> 0 when it answers 200
  local deadline=$((SECONDS + $2))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$1" || true) == 200 ]]; do
    (( SECONDS < deadline )) || return 1
    kill -0 "$server_pid" 2>/dev/null || return 1
    sleep 0.05
  done
}

# A server left on the port would answer instead of ours (and ours would fail to bind).
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "something already answers on 127.0.0.1:$port; stop it or set KYODO_BENCH_PORT" >&2
  exit 1
fi

fill_started=$SECONDS
if [[ -n $existing ]]; then
  log "measuring the existing database $existing"
elif [[ $data == demo ]]; then
  # The demo city is seeded only in Development: start once there, then serve it in Production.
  log "seeding the demo city"
  (cd "$app" && exec env "${app_env[@]}" ASPNETCORE_ENVIRONMENT=Development DemoData__Seed=true \
    dotnet KyodoPortal.Web.dll --urls "http://127.0.0.1:$port" >"$datadir/seed.log" 2>&1) &
  server_pid=$!
  wait_for "http://127.0.0.1:$port/healthz" 120 || { cat "$datadir/seed.log" >&2; exit 1; }
  stop_server
else
  log "generating the city at scale $data"
  (cd "$app" && env "${app_env[@]}" dotnet KyodoPortal.Web.dll generate-city --scale "$data" --password "$password") >&2
fi
fill_seconds=$((SECONDS - fill_started))
fill_note="$fill_seconds s"
[[ -n $existing ]] && fill_note="not measured (an existing database, $existing)"

# --- server ----------------------------------------------------------------------------------
[[ -z $quiet_file ]] || touch "$quiet_file"
log "starting the server (cold start)"
start_ns=$(date +%s%N)
(cd "$app" && exec env "${app_env[@]}" "${server_cpu[@]}" dotnet KyodoPortal.Web.dll --urls "http://127.0.0.1:$port" >"$datadir/server.log" 2>&1) &
server_pid=$!
base="http://127.0.0.1:$port"
wait_for "$base/account/login" 120 || { tail -50 "$datadir/server.log" >&2; exit 1; }
cold_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

# Sign in as the coordinator (curl's cookie jar; HttpOnly cookies are written with a prefix).
jar="$datadir/cookies.txt"
token=$(curl -s -c "$jar" -b "$jar" "$base/account/login" | grep -o '__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" "$base/account/login" --data-urlencode "Email=$coordinator" \
  --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token"
cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }' | sed 's/; $//')
[[ $cookie == *kyodo.session* ]] || { echo "sign-in as $coordinator failed" >&2; exit 1; }

first_id() { # PATH PATTERN -> the first number the page links to with PATTERN (e.g. /projects/)
  curl -s -H "Cookie: $cookie" "$base$1" | grep -o "href=\"$2[0-9][0-9]*" | head -1 | grep -o '[0-9]*$' || true
}
project=$(first_id /projects /projects/)
call=$(first_id /calls /calls/)
meeting=$(first_id /minutes /minutes/)
# The generator's large citizen survey (成果測定: 10,000 answers and 20 questions at scale 1).
survey=$(first_id "/surveys?q=%E6%88%90%E6%9E%9C%E6%B8%AC%E5%AE%9A" /surveys/)
report_year=
if [[ -n $project ]]; then
  report_year=$(curl -s -H "Cookie: $cookie" "$base/projects/$project" | grep -o "href=\"/projects/$project/reports/[0-9][0-9]*" | head -1 | grep -o '[0-9]*$' || true)
fi

# label|path|who (anon or coordinator)
pages=(
  "baseline: sign-in page (no database)|/account/login|anon"
  "themes (public list)|/themes|anon"
  "directory search|/directory?q=%E5%9B%A3|anon"
  "minutes search|/minutes?q=%E4%BA%8B%E6%A5%AD|anon"
  "home work list (coordinator)|/|coordinator"
  "projects, filtered (coordinator)|/projects?sort=title|coordinator"
)
[[ -n $project ]] && pages+=("project page|/projects/$project|coordinator")
[[ -n $project && -n $report_year ]] && pages+=("annual report|/projects/$project/reports/$report_year|coordinator")
[[ -n $call ]] && pages+=("call's proposals (coordinator)|/calls/$call/proposals|coordinator" "screening ranking|/calls/$call/screening|coordinator" "proposals xlsx export|/calls/$call/proposals/export?format=xlsx|coordinator")
# The oldest call: generate-city screens all its proposals (100 at scale 1) with every member's sheets.
pages+=("screening ranking, oldest call|/calls/1/screening|coordinator")
[[ -n $meeting ]] && pages+=("public minutes|/minutes/$meeting|anon")
[[ -n $survey ]] && pages+=("survey results (10,000 answers)|/surveys/$survey/results|coordinator")
# The guideline's current period (the generator's fourth, 200 measures at scale 1; seed 002's first in the demo) and the review of the one before.
gperiod=$(curl -s -H "Cookie: $cookie" "$base/guideline" | grep -o 'href="/guideline/periods/[0-9]*/review' | grep -o '[0-9][0-9]*' | tail -1 || true)
[[ -n $gperiod ]] && pages+=("guideline matrix (measures × 5 years)|/guideline/periods/$gperiod/matrix|coordinator" "guideline tree|/guideline/periods/$gperiod/tree|coordinator" "public guideline|/collaboration-guideline|anon")
[[ -n $gperiod && $gperiod -gt 1 ]] && pages+=("guideline review table|/guideline/periods/$((gperiod - 1))/review|coordinator")

to_ms() { # wrk latency (12.3us, 4.5ms, 1.2s) -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

sql_count() { # PATH WHO -> SQL commands of one request, from its request log line
  local path=${1%%\?*} hdr=()
  [[ $2 == coordinator ]] && hdr=(-H "Cookie: $cookie")
  curl -s -o /dev/null "${hdr[@]}" "$base$1"
  sleep 0.3 # the log sinks write asynchronously
  { grep -h "HTTP GET $path responded" "$datadir"/logs/kyodo-*.log 2>/dev/null || true; } | tail -1 | sed -n 's/.*(\([0-9]*\) SQL)$/\1/p'
}

log "warming up: every page for ${warmup} s"
for entry in "${pages[@]}"; do
  IFS='|' read -r name path who <<<"$entry"
  hdr=()
  [[ $who == coordinator ]] && hdr=(-H "Cookie: $cookie")
  "${load_cpu[@]}" wrk -t1 -c"$connections" -d"${warmup}s" "${hdr[@]}" "$base$path" >/dev/null
done

results=()
baseline_rps=
for entry in "${pages[@]}"; do
  IFS='|' read -r name path who <<<"$entry"
  hdr=()
  [[ $who == coordinator ]] && hdr=(-H "Cookie: $cookie")
  status=$(curl -s -o /dev/null -w '%{http_code}' "${hdr[@]}" "$base$path")
  if [[ $status != 200 ]]; then
    log "$path answered $status: skipped"
    results+=("| $name | \`$path\` | $status | | | | |")
    continue
  fi
  "${load_cpu[@]}" wrk -t1 -c"$connections" -d3s "${hdr[@]}" "$base$path" >/dev/null
  rps_all=() p50_all=() p99_all=() errors=0
  for ((i = 1; i <= runs; i++)); do
    out=$("${load_cpu[@]}" wrk -t1 -c"$connections" -d"${duration}s" --latency "${hdr[@]}" "$base$path")
    rps_all+=("$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")")
    p50_all+=("$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")")
    p99_all+=("$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")")
    non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
    errors=$((errors + ${non2xx:-0}))
  done
  rps=$(median "${rps_all[@]}") p50=$(median "${p50_all[@]}") p99=$(median "${p99_all[@]}")
  [[ -z $baseline_rps ]] && baseline_rps=$rps
  ratio=$(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN { printf "%.2f", a / b }')
  sql=$(sql_count "$path" "$who")
  note=
  (( errors > 0 )) && note=" ($errors non-2xx)"
  results+=("| $name | \`$path\` | $(printf '%.0f' "$rps")$note | $p50 | $p99 | $ratio | ${sql:-?} |")
  log "$name: $rps rps, p99 $p99 ms, ${sql:-?} SQL"
done

rss_mb=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
peak_mb=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")

# The largest download, one at a time (not under wrk: a person asks for it, then waits): every
# report's KPI results as xlsx, its size and time, and the server's RSS sampled while it is written.
export_line=
large_export="/reports/export/kpis?format=xlsx"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/reports/export/kpis?format=csv")
if [[ $status == 200 ]]; then
  rows=$(( $(curl -s -H "Cookie: $cookie" "$base/reports/export/kpis?format=csv" | wc -l) - 1 ))
  rss_now() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status"; }
  before_mb=$(rss_now) max_file="$datadir/export-rss"
  echo "$before_mb" >"$max_file"
  ( max=$before_mb
    while [[ -e $max_file ]] && kill -0 "$server_pid" 2>/dev/null; do
      now=$(rss_now); (( now > max )) && max=$now && echo "$max" >"$max_file.tmp" && mv "$max_file.tmp" "$max_file"
      sleep 0.05
    done ) &
  sampler=$!
  times=() bytes=
  for ((i = 1; i <= runs; i++)); do
    out=$(curl -s -H "Cookie: $cookie" -o /dev/null -w '%{size_download} %{time_total}' "$base$large_export")
    bytes=${out% *} times+=("${out#* }")
  done
  export_peak_mb=$(cat "$max_file"); rm -f "$max_file"; wait "$sampler" 2>/dev/null || true
  export_line="Largest download (\`$large_export\`, every report's KPI results, $rows rows, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MB): median $(median "${times[@]}") s of $runs, one at a time; server RSS $before_mb MB before, $export_peak_mb MB at most while they were written."
  log "$export_line"
fi
stop_server

table=$(
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $label:"
  echo "ReadyToRun build; $connections connections; every page loaded ${warmup} s first, then per page a 3 s warm-up and the median of $runs runs of ${duration} s; server on core 0, wrk on core 1."
  echo
  echo "| page | path | req/s | p50 ms | p99 ms | × baseline | SQL/request |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${results[@]}"
  echo
  echo "Server RSS after the runs: $rss_mb MB (peak $peak_mb MB). Cold start to the first 200: $cold_ms ms. Filling the database: $fill_note."
  if [[ -n $export_line ]]; then echo; echo "$export_line"; fi
)
echo
echo "$table"

if [[ $write_docs == true ]]; then
  doc="$root/docs/performance.md"
  marker="bench: $db $data"
  python3 - "$doc" "$marker" "$table" <<'PY'
import sys, re
path, marker, table = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
start, end = f"<!-- {marker} -->", f"<!-- /{marker} -->"
block = f"{start}\n{table}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text = text.rstrip("\n") + f"\n\n### {marker[len('bench: '):]}\n\n{block}\n"
open(path, "w", encoding="utf-8").write(text)
PY
  log "wrote the table to docs/performance.md ($marker)"
fi
