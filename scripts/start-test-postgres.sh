#!/usr/bin/env bash
# Starts a private PostgreSQL cluster on 127.0.0.1 for the tests, as a non-root system user
# (initdb refuses root). Prints the URL to use; stop it with scripts/stop-test-postgres.sh DIR.
# Usage: scripts/start-test-postgres.sh [PORT]   → prints "DIR URL" (without PORT, a free port)
set -euo pipefail
PORT="${1:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing PostgreSQL (Debian package)…" >&2
  apt-get update -q >&2 && apt-get install -y -q --no-install-recommends postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
RUN=()
if [ "$(id -u)" = 0 ]; then
  id -u pgci >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin pgci
  RUN=(runuser -u pgci --)
fi
D=$(mktemp -d /tmp/openecf-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown pgci "$D"
echo ci-secret > "$D/pw"
[ "$(id -u)" = 0 ] && chown pgci "$D/pw"
"${RUN[@]}" "$PGBIN/initdb" -D "$D/data" -U postgres --pwfile="$D/pw" \
  --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$D/initdb.log" 2>&1 \
  || { cat "$D/initdb.log" >&2; exit 1; }
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$D/data" -l "$D/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$D -c fsync=off" start >&2
echo "$D postgres://postgres:ci-secret@127.0.0.1:$PORT/openecf_test"
