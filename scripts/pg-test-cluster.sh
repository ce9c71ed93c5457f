#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb into a folder, trust auth on 127.0.0.1 only,
# started as an unprivileged user (initdb refuses root). Prints the URL to use as CROSSCHECK_TEST_PG.
#
#   scripts/pg-test-cluster.sh start DIR [PORT]   # default port 54329; prints postgres://crosscheck@127.0.0.1:PORT/postgres
#   scripts/pg-test-cluster.sh stop DIR
#
# The binaries are found on PATH, else in Debian's /usr/lib/postgresql/*/bin (the newest).
# Run as root, the cluster belongs to the user `crosscheck` (created when missing, no login shell).
set -euo pipefail

cmd=${1:-}
dir=${2:-}
port=${3:-54329}
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR [PORT]" >&2
  exit 2
fi

bindir() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$found" || ! -x "$found/initdb" ]]; then
    echo "$0: no initdb on PATH nor in /usr/lib/postgresql/*/bin; install postgresql" >&2
    exit 1
  fi
  echo "$found"
}

# Runs a command as the cluster's owner: as is for a normal user, as `crosscheck` for root.
as_owner() {
  if [[ $(id -u) -ne 0 ]]; then "$@"; return; fi
  if ! id crosscheck >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin crosscheck
  fi
  runuser -u crosscheck -- "$@"
}

bin=$(bindir)
case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [[ $(id -u) -eq 0 ]] && { as_owner true; chown crosscheck "$dir"; }
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      # fsync off: a test cluster is thrown away, and durability costs time on a shared disk.
      as_owner "$bin/initdb" -D "$dir/data" -U crosscheck --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
      cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 64MB
EOF
      # Trust only over the loopback address and the cluster's own socket folder.
      printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$dir/data/pg_hba.conf"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://crosscheck@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=$(cd "$dir" && pwd)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
