#!/usr/bin/env bash
# A throwaway PostgreSQL server for the `postgres` test tier.
#
#   scripts/pg-throwaway.sh start <dir>   initdb into <dir>, start a server on 127.0.0.1 (first free
#                                         port from 55432 upward), print its superuser URL on stdout
#   scripts/pg-throwaway.sh stop <dir>    stop that server (immediate) and remove <dir>
#
# Trust authentication, no durability (fsync, synchronous_commit and full_page_writes off): fast,
# and only for tests. The unix socket and the port lock live in <dir>, so the script never touches
# another server on the machine. Uses the newest /usr/lib/postgresql/*/bin (Debian), or PG_BIN, or
# initdb/pg_ctl from PATH. As root, the server runs as the `postgres` system user (PostgreSQL
# refuses to run as root). Diagnostics go to stderr; only the URL goes to stdout.
set -euo pipefail

readonly FIRST_PORT=55432
readonly PORT_ATTEMPTS=100
readonly MARKER=.pg-throwaway

die() {
  echo "pg-throwaway: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start|stop <dir>" >&2
  exit 2
}

find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/initdb" ]] || die "PG_BIN=$PG_BIN has no initdb"
    echo "$PG_BIN"
    return
  fi
  local candidate newest=''
  # Newest major version first (sort -V handles 9.6 < 15 < 17).
  while IFS= read -r candidate; do
    if [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then
      newest=$candidate
    fi
  done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
  if [[ -n "$newest" ]]; then
    echo "$newest"
    return
  fi
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"
    return
  fi
  die 'no PostgreSQL server binaries found (/usr/lib/postgresql/*/bin/initdb). Install them:
  apt-get install -y --no-install-recommends postgresql'
}

# Runs a command as the user that owns the cluster.
as_pg() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  # Something accepts connections on this port (on 127.0.0.1 or on every address).
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# PostgreSQL configuration string literal: single quotes doubled.
conf_quote() {
  printf "'%s'" "${1//\'/\'\'}"
}

start() {
  local dir=$1
  local pg_bin data log
  pg_bin=$(find_pg_bin)

  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    die 'running as root needs the postgres system user (created by the Debian postgresql package)'
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
  [[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty"
  touch "$dir/$MARKER"
  if [[ $EUID -eq 0 ]]; then
    chown postgres: "$dir"
    as_pg test -w "$dir" || die "the postgres user cannot write to $dir (is a parent directory private?)"
  fi
  data=$dir/data
  log=$dir/postgres.log

  local t0=$SECONDS
  # C collation and C.UTF-8 character classes: the same as PGlite, so both test tiers agree.
  if ! as_pg "$pg_bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --lc-collate=C --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed (log above)"
  fi
  {
    echo "# pg-throwaway: tests only, no durability"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = $(conf_quote "$dir")"
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
    echo "max_connections = 200"
  } | as_pg tee -a "$data/postgresql.conf" >/dev/null

  local port started=''
  for ((port = FIRST_PORT; port < FIRST_PORT + PORT_ATTEMPTS; port++)); do
    port_in_use "$port" && continue
    as_pg touch "$log"
    : >"$log"
    if as_pg "$pg_bin/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "-p $port" start >/dev/null 2>&1; then
      started=$port
      break
    fi
    # Lost a race for this port with another process: try the next one. Anything else is fatal.
    if grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets' "$log"; then
      continue
    fi
    cat "$log" >&2
    die "the server did not start (log above)"
  done
  [[ -n "$started" ]] || die "no free port in $FIRST_PORT..$((FIRST_PORT + PORT_ATTEMPTS - 1))"
  echo "$started" >"$dir/port"

  local attempt
  for ((attempt = 0; attempt < 60; attempt++)); do
    if "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$started" -U postgres -d postgres; then
      echo "pg-throwaway: PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') ready on port $started in $((SECONDS - t0)) s ($dir)" >&2
      echo "postgres://postgres@127.0.0.1:$started/postgres"
      return
    fi
    sleep 0.5
  done
  cat "$log" >&2
  die "the server on port $started did not become ready within 30 s (log above)"
}

stop() {
  local dir=$1
  [[ -e "$dir" ]] || return 0
  # An empty directory (start failed before using it) just goes.
  rmdir -- "$dir" 2>/dev/null && return 0
  # Refuse to delete anything this script did not create.
  [[ -f "$dir/$MARKER" ]] || die "$dir was not created by pg-throwaway.sh start: not removing it"
  local data=$dir/data
  if [[ -f "$data/postmaster.pid" ]]; then
    local pg_bin pid
    pg_bin=$(find_pg_bin)
    if ! as_pg "$pg_bin/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1; then
      # pg_ctl could not stop it: kill the postmaster named in its pid file, if it is still one.
      pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
      if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(ps -o comm= -p "$pid" 2>/dev/null || true)" == postgres* ]]; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf -- "$dir"
}

[[ $# -eq 2 && -n "$2" ]] || usage
case "$1" in
start) start "$2" ;;
stop) stop "$2" ;;
*) usage ;;
esac
