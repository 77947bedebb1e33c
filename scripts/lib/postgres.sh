# shellcheck shell=bash
# Throw-away PostgreSQL server for the test suite. Source this file; it defines
# functions only. Used by scripts/test.sh and scripts/postgres.sh.
#
# Settings (read when a function runs):
#   KYODO_PG_DIR   data directory           (default /tmp/kyodo-pg)
#   KYODO_PG_PORT  TCP port on 127.0.0.1    (default 55432)
#   KYODO_PG_BIN   PostgreSQL bin directory (default: newest /usr/lib/postgresql/*/bin, 15 preferred)
#
# After kyodo_pg_start:
#   KYODO_PG_STARTED=1 if this shell started the server, 0 if it reused one
#   KYODO_PG_PID       postmaster PID (empty when reusing a server of another data dir)
#
# The server is for tests only: trust auth on 127.0.0.1, fsync=off, etc.

KYODO_PG_STARTED=${KYODO_PG_STARTED:-0}
KYODO_PG_PID=${KYODO_PG_PID:-}

kyodo_pg_dir() { printf '%s\n' "${KYODO_PG_DIR:-/tmp/kyodo-pg}"; }
kyodo_pg_port() { printf '%s\n' "${KYODO_PG_PORT:-55432}"; }

kyodo_pg_conn() {
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=postgres;Pooling=true\n' "$(kyodo_pg_port)"
}

kyodo_pg_log() { printf '[postgres] %s\n' "$*"; }

# Prints the bin directory holding postgres/initdb/pg_ctl/pg_isready/psql.
kyodo_pg_bindir() {
  if [[ -n ${KYODO_PG_BIN:-} ]]; then
    [[ -x $KYODO_PG_BIN/postgres ]] || return 1
    printf '%s\n' "$KYODO_PG_BIN"
    return 0
  fi
  local d
  if [[ -x /usr/lib/postgresql/15/bin/postgres ]]; then
    printf '%s\n' /usr/lib/postgresql/15/bin
    return 0
  fi
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -Vr); do
    if [[ -x $d/postgres ]]; then printf '%s\n' "$d"; return 0; fi
  done
  if command -v pg_ctl >/dev/null 2>&1; then
    d=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    if [[ -x $d/postgres ]]; then printf '%s\n' "$d"; return 0; fi
  fi
  return 1
}

# Postgres refuses to run as root: run its tools as the postgres user then,
# from / so that the postgres user never has to read the caller's cwd.
kyodo_pg_as() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# 0 when something accepts connections on 127.0.0.1:PORT.
kyodo_pg_isready() {
  local bin port=${1:-$(kyodo_pg_port)}
  bin=$(kyodo_pg_bindir) || return 1
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 3
}

# 0 when we can log in as superuser postgres without a password.
kyodo_pg_can_login() {
  local bin port=${1:-$(kyodo_pg_port)}
  bin=$(kyodo_pg_bindir) || return 1
  "$bin/psql" -X -q -t -A -c 'select 1' \
    "host=127.0.0.1 port=$port user=postgres dbname=postgres connect_timeout=5" >/dev/null 2>&1
}

# Line N of DIR/postmaster.pid (1 pid, 2 datadir, 4 port, 8 status), or nothing.
kyodo_pg_pidfile_line() {
  local f
  f="$(kyodo_pg_dir)/postmaster.pid"
  [[ -r $f ]] || return 0
  sed -n "${1}p" "$f" 2>/dev/null | tr -d '[:space:]'
}

# Prints the PID of the live postmaster serving our data dir, or fails.
# Checks that the PID really is a postgres process whose cwd is the data dir,
# so a stale postmaster.pid whose PID was reused by another process never counts.
kyodo_pg_live_pid() {
  local pid dir cwd
  pid=$(kyodo_pg_pidfile_line 1)
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  dir=$(readlink -f "$(kyodo_pg_dir)")
  if [[ -r /proc/$pid/cwd || -L /proc/$pid/cwd ]]; then
    cwd=$(readlink -f "/proc/$pid/cwd" 2>/dev/null || true)
    if [[ -n $cwd && $cwd != "$dir" ]]; then return 1; fi
  fi
  if [[ -r /proc/$pid/comm ]] && ! grep -q '^postgres' "/proc/$pid/comm"; then
    return 1
  fi
  printf '%s\n' "$pid"
}

# Waits until PID no longer exists, zombies included: postgres refuses to start
# while the PID in postmaster.pid can still be signalled, and an orphaned
# postmaster killed by SIGKILL stays a zombie until PID 1 reaps it.
kyodo_pg_wait_gone() { # PID SECONDS
  local end=$((SECONDS + $2))
  while kill -0 "$1" 2>/dev/null; do
    ((SECONDS < end)) || return 1
    sleep 0.25
  done
}

kyodo_pg_wait_ready() { # PORT SECONDS (a deadline: one pg_isready may block 3 s)
  local end=$((SECONDS + $2))
  while :; do
    kyodo_pg_isready "$1" && return 0
    ((SECONDS < end)) || return 1
    sleep 0.25
  done
}

# "15.18" for the postgres binary in BIN.
kyodo_pg_version() {
  "$1/postgres" --version | sed -n 's/^postgres (PostgreSQL) \([0-9][0-9.]*\).*/\1/p'
}

kyodo_pg_init() {
  local dir bin
  dir=$(kyodo_pg_dir)
  bin=$(kyodo_pg_bindir)
  mkdir -p "$(dirname "$dir")"
  if [[ ! -d $dir ]]; then
    mkdir -m 700 "$dir"
  fi
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || { kyodo_pg_log "no 'postgres' user: install the postgresql package"; return 1; }
    chown -R postgres:postgres "$dir"
  fi
  chmod 700 "$dir"
  if ! kyodo_pg_as test -w "$dir" -a -x "$dir"; then
    kyodo_pg_log "the postgres user cannot write $dir (every parent must be traversable)"
    return 1
  fi
  if [[ ! -f $dir/PG_VERSION ]]; then
    if [[ -n $(ls -A "$dir") ]]; then
      kyodo_pg_log "$dir is not empty and holds no cluster; remove it or set KYODO_PG_DIR"
      return 1
    fi
    kyodo_pg_log "initdb $dir"
    kyodo_pg_as "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync --no-instructions >"$dir.initdb.log" 2>&1 || {
      cat "$dir.initdb.log" >&2
      return 1
    }
    rm -f "$dir.initdb.log"
  fi
  local have want
  have=$(cat "$dir/PG_VERSION")
  want=$(kyodo_pg_version "$bin" | sed 's/\..*//')
  if [[ -n $want && $have != "$want" ]]; then
    kyodo_pg_log "$dir holds a PostgreSQL $have cluster but the binaries are $want; remove $dir"
    return 1
  fi
  # Our settings live in kyodo.conf, rewritten each start (the port may change).
  if ! grep -q "^include_if_exists = 'kyodo.conf'" "$dir/postgresql.conf"; then
    printf "\n# test settings, written by scripts/lib/postgres.sh\ninclude_if_exists = 'kyodo.conf'\n" >>"$dir/postgresql.conf"
  fi
  local qdir=${dir//\'/\'\'}
  cat >"$dir/kyodo.conf" <<EOF
# Written by scripts/lib/postgres.sh on each start: a throw-away test server.
listen_addresses = '127.0.0.1'
port = $(kyodo_pg_port)
unix_socket_directories = '$qdir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
log_timezone = 'UTC'
timezone = 'UTC'
EOF
  cat >"$dir/pg_hba.conf" <<'EOF'
# Written by scripts/lib/postgres.sh: test server, trust on this machine only.
local   all  all                trust
host    all  all  127.0.0.1/32  trust
host    all  all  ::1/128       trust
EOF
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir/kyodo.conf" "$dir/pg_hba.conf"; fi
}

# Stops the postmaster of our data dir: pg_ctl fast, then immediate, then
# SIGKILL to the verified postmaster PID.
kyodo_pg_stop_server() {
  local dir bin pid
  dir=$(kyodo_pg_dir)
  bin=$(kyodo_pg_bindir)
  pid=$(kyodo_pg_live_pid) || { kyodo_pg_log "no server running in $dir"; return 0; }
  kyodo_pg_log "stopping server (pid $pid, $dir)"
  kyodo_pg_as "$bin/pg_ctl" -D "$dir" -m fast -w -t 20 -s stop && return 0
  kyodo_pg_as "$bin/pg_ctl" -D "$dir" -m immediate -w -t 10 -s stop && return 0
  if pid=$(kyodo_pg_live_pid); then
    kyodo_pg_log "pg_ctl could not stop it; killing postmaster $pid"
    kill -KILL "$pid" 2>/dev/null || true
    kyodo_pg_wait_gone "$pid" 15
  fi
  ! kill -0 "$pid" 2>/dev/null
}

# Starts (or reuses) the server. Sets KYODO_PG_STARTED and KYODO_PG_PID.
# OWNER (optional) is recorded in DIR/kyodo-owner when we start the server.
kyodo_pg_start() {
  local owner=${1:-${0##*/}}
  local dir port bin pid runport status
  dir=$(kyodo_pg_dir)
  port=$(kyodo_pg_port)
  KYODO_PG_STARTED=0
  KYODO_PG_PID=
  bin=$(kyodo_pg_bindir) || { kyodo_pg_log "PostgreSQL binaries not found (apt-get install postgresql)"; return 1; }

  # 1. Something already answers on the port: reuse it (never ours to stop).
  if kyodo_pg_isready "$port"; then
    if ! kyodo_pg_can_login "$port"; then
      kyodo_pg_log "a server answers on 127.0.0.1:$port but refuses a password-less login as postgres; use another KYODO_PG_PORT"
      return 1
    fi
    KYODO_PG_PID=$(kyodo_pg_live_pid || true)
    kyodo_pg_log "reusing the server already running on 127.0.0.1:$port${KYODO_PG_PID:+ (pid $KYODO_PG_PID)}; it will be left running"
    return 0
  fi

  # 2. Our data dir has a live postmaster that does not answer on this port.
  if pid=$(kyodo_pg_live_pid); then
    runport=$(kyodo_pg_pidfile_line 4)
    status=$(kyodo_pg_pidfile_line 8)
    if [[ -n $runport && $runport != "$port" ]] && kyodo_pg_wait_ready "$runport" 10; then
      kyodo_pg_log "$dir is already served on port $runport (pid $pid); set KYODO_PG_PORT=$runport or another KYODO_PG_DIR"
      return 1
    fi
    kyodo_pg_log "server pid $pid in $dir is not answering (status '${status:-?}'); waiting up to 15 s"
    if kyodo_pg_wait_ready "$port" 15; then
      KYODO_PG_PID=$pid
      kyodo_pg_log "it answers now; reusing it, it will be left running"
      return 0
    fi
    kyodo_pg_log "still not answering: restarting it"
    kyodo_pg_stop_server || { kyodo_pg_log "could not stop pid $pid"; return 1; }
  fi

  # 3. Start our own. A stale postmaster.pid whose PID is still a zombie would
  #    make postgres refuse to start: wait for it to be reaped.
  pid=$(kyodo_pg_pidfile_line 1)
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    kyodo_pg_log "waiting for pid $pid of a stale $dir/postmaster.pid to go away"
    kyodo_pg_wait_gone "$pid" 15 || kyodo_pg_log "pid $pid is still there; trying anyway"
  fi
  kyodo_pg_init || return 1
  kyodo_pg_log "starting PostgreSQL $(kyodo_pg_version "$bin") on 127.0.0.1:$port, data in $dir"
  : >"$dir/server.log" # one start per log: its tail is what a failure shows
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir/server.log"; fi
  if ! kyodo_pg_as "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 -s start; then
    kyodo_pg_log "pg_ctl start failed; end of $dir/server.log:"
    tail -n 30 "$dir/server.log" >&2 || true
    return 1
  fi
  if ! kyodo_pg_wait_ready "$port" 30; then
    kyodo_pg_log "server started but does not answer on 127.0.0.1:$port"
    tail -n 30 "$dir/server.log" >&2 || true
    KYODO_PG_STARTED=1
    KYODO_PG_PID=$(kyodo_pg_live_pid || true)
    return 1
  fi
  KYODO_PG_STARTED=1
  KYODO_PG_PID=$(kyodo_pg_live_pid || true)
  printf 'owner=%s\npid=%s\nstarted=%s\n' "$owner" "$$" "$(date -u +%FT%TZ)" >"$dir/kyodo-owner"
  kyodo_pg_log "ready (pid ${KYODO_PG_PID:-?})"
}

# Stops the server only if this shell started it (and it is still that server).
kyodo_pg_stop_if_started() {
  if [[ ${KYODO_PG_STARTED:-0} != 1 ]]; then
    return 0
  fi
  KYODO_PG_STARTED=0
  local pid
  pid=$(kyodo_pg_live_pid || true)
  if [[ -z $pid ]]; then
    return 0
  fi
  if [[ -n $KYODO_PG_PID && $pid != "$KYODO_PG_PID" ]]; then
    kyodo_pg_log "the server in $(kyodo_pg_dir) is now pid $pid, not the one this run started ($KYODO_PG_PID); leaving it"
    return 0
  fi
  kyodo_pg_stop_server
}
