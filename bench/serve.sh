#!/usr/bin/env bash
# Benchmarks vigil serve (syslog over TCP into SQLite, all SigmaHQ rules) against Debian's rsyslog in the same run.
# Usage: bench/serve.sh [--events N] [--rate N] [--seconds N] [--runs N] [--rsyslog-runs N] [--perf FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v rsyslogd >/dev/null && [ ! -x /usr/sbin/rsyslogd ]; then
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq rsyslog
fi
dotnet build bench/Vigil.Bench -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/Vigil.Bench/bin/Release/net10.0/Vigil.Bench.dll serve "$@"
