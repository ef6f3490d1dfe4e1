#!/usr/bin/env bash
# Stops a cluster started by scripts/start-test-postgres.sh and removes its files.
set -euo pipefail
D="$1"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
RUN=()
[ "$(id -u)" = 0 ] && RUN=(runuser -u pgci --)
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$D"
