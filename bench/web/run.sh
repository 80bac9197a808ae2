#!/usr/bin/env bash
# Web app speed: seeds one million events and ten thousand alerts in SQLite, starts the real vigil serve, and measures
# p50/p95/p99 of every page and API call with ApacheBench (Debian package apache2-utils), against /healthz as a baseline.
# Usage: bench/web/run.sh [--events N] [--alerts N] [--findings N] [--phi-items N] [--audit N] [--requests N] [--concurrency N]
#        [--rules DIR ...]  (rule folders for serve, e.g. ../shared/data/sigma/rules; default: Vigil's bundled pack)
#        [--only NAME,NAME]  (only the targets whose name contains one of these, after the baseline; targets: Targets.cs)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v ab >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq apache2-utils
fi
dotnet build bench/web/Vigil.Bench.Web -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/web/Vigil.Bench.Web/bin/Release/net10.0/Vigil.Bench.Web.dll "$@"
