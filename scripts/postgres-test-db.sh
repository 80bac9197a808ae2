#!/usr/bin/env bash
# Installs (when missing) and starts Debian's PostgreSQL, and prepares a role and database the storage tests may freely
# create schemas in. Idempotent: a second run only checks. Prints the Npgsql connection string on stdout (all else
# goes to stderr), so the test command can do:
#   export VIGIL_TEST_POSTGRES="$(scripts/postgres-test-db.sh)"
# The role's password is a fixed test value: the server listens on localhost only and holds nothing but test data.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  echo "Installing PostgreSQL (Debian package postgresql)" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
fi

# The first cluster Debian knows (the package creates "main" for its version).
read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
  echo "Starting PostgreSQL cluster $version/$cluster" >&2
  $sudo pg_ctlcluster "$version" "$cluster" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not become ready on port $port" >&2; exit 1; }

as_postgres() { $sudo su postgres -s /bin/sh -c "$1"; }
if [ "$(as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='vigil_test'\"")" != "1" ]; then
  as_postgres "psql -p $port -qc \"CREATE ROLE vigil_test LOGIN PASSWORD 'vigil_test' CREATEDB\"" >&2
fi
if [ "$(as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='vigil_test'\"")" != "1" ]; then
  as_postgres "createdb -p $port -O vigil_test vigil_test" >&2
fi

echo "Host=127.0.0.1;Port=$port;Username=vigil_test;Password=vigil_test;Database=vigil_test"
