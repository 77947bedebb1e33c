#!/usr/bin/env bash
# Keep the test PostgreSQL server running while iterating:
#   scripts/postgres.sh start    start it (or reuse the one already answering)
#   scripts/postgres.sh status   say whether it runs; print the connection string
#   scripts/postgres.sh env      print an export line: eval "$(scripts/postgres.sh env)"
#   scripts/postgres.sh stop     stop the server of KYODO_PG_DIR (not one a running
#                                scripts/test.sh started; --force overrides)
# scripts/test.sh reuses a server started this way and leaves it running.
# KYODO_PG_DIR (default /tmp/kyodo-pg) and KYODO_PG_PORT (default 55432) apply.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/lib/postgres.sh
. "$here/lib/postgres.sh"

usage() { echo "usage: $0 start|stop [--force]|status|env" >&2; exit 2; }

cmd=${1:-}
case $cmd in
  start)
    kyodo_pg_start "postgres.sh"
    echo "KYODO_TEST_POSTGRES=$(kyodo_pg_conn)"
    ;;
  stop)
    dir=$(kyodo_pg_dir)
    if ! pid=$(kyodo_pg_live_pid); then
      if kyodo_pg_bindir >/dev/null && kyodo_pg_isready; then
        echo "A server answers on 127.0.0.1:$(kyodo_pg_port) but it is not the one in $dir: not touching it." >&2
        exit 1
      fi
      echo "No server running in $dir."
      exit 0
    fi
    owner=$(sed -n 's/^owner=//p' "$dir/kyodo-owner" 2>/dev/null || true)
    opid=$(sed -n 's/^pid=//p' "$dir/kyodo-owner" 2>/dev/null || true)
    if [[ ${2:-} != --force && $owner == test.sh && -n $opid ]] && kill -0 "$opid" 2>/dev/null; then
      echo "The server (pid $pid) was started by scripts/test.sh (pid $opid), which is still running;" >&2
      echo "it stops the server itself. Use '$0 stop --force' to stop it anyway." >&2
      exit 1
    fi
    kyodo_pg_stop_server
    ;;
  status)
    dir=$(kyodo_pg_dir)
    if kyodo_pg_bindir >/dev/null && kyodo_pg_isready; then
      pid=$(kyodo_pg_live_pid || true)
      if [[ -n $pid ]]; then
        owner=$(sed -n 's/^owner=//p' "$dir/kyodo-owner" 2>/dev/null || true)
        echo "running: pid $pid, data $dir, 127.0.0.1:$(kyodo_pg_port)${owner:+, started by $owner}"
      else
        echo "running: a server of another data dir answers on 127.0.0.1:$(kyodo_pg_port)"
      fi
      echo "KYODO_TEST_POSTGRES=$(kyodo_pg_conn)"
    else
      pid=$(kyodo_pg_live_pid || true)
      if [[ -n $pid ]]; then
        echo "not answering: pid $pid holds $dir (start will restart it)"
      else
        echo "stopped (data $dir, port $(kyodo_pg_port))"
      fi
      exit 3
    fi
    ;;
  env)
    printf "export KYODO_TEST_POSTGRES='%s'\n" "$(kyodo_pg_conn)"
    ;;
  *) usage ;;
esac
