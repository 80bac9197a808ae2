#!/usr/bin/env bash
# Vigil's PHI recognisers against @openredaction/openredaction on the synthetic mailbox, side by side in one run,
# each on one core (CPU 0): OpenRedaction through the shared harness ../shared/tools/phi-bench/bench.js (default and
# UK-only pattern sets), Vigil through `Vigil.Bench phi` (same messages, same scoring), then one table.
# Usage: bench/phi/run.sh [--rounds N] [--messages N]   (OpenRedaction's default set takes about a minute)
# npm packages go to ~/.cache/vigil/phi-bench (VIGIL_PHI_BENCH_CACHE), never into the repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$(cd "$root/../shared" && pwd)"
cache="${VIGIL_PHI_BENCH_CACHE:-$HOME/.cache/vigil/phi-bench}"
rounds=5
messages=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --messages) messages="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--messages N]" >&2; exit 2 ;;
  esac
done

mkdir -p "$cache/data"
cp "$shared/tools/phi-bench/bench.js" "$cache/bench.js"
if [ ! -d "$cache/node_modules/@openredaction/openredaction" ]; then
  # Only the package compared, at the version the harness pins (its package.json also pulls three other tools).
  version="$(node -e 'console.log(require(process.argv[1]).dependencies["@openredaction/openredaction"])' "$shared/tools/phi-bench/package.json")"
  [ -f "$cache/package.json" ] || echo '{"name":"vigil-phi-bench-cache","private":true}' > "$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --no-package-lock "@openredaction/openredaction@$version")
fi
for f in corpus.mbox truth.jsonl; do
  [ -f "$cache/data/$f" ] || gzip -dc "$shared/data/phi/synthetic-mailbox/$f.gz" > "$cache/data/$f"
done
if [ "$messages" != 0 ]; then
  # A prefix of the corpus (same messages for every tool): the harness's message limit, and a truth file cut to match.
  mkdir -p "$cache/data-$messages"
  head -n "$messages" "$cache/data/truth.jsonl" > "$cache/data-$messages/truth.jsonl"
  ln -sf "$cache/data/corpus.mbox" "$cache/data-$messages/corpus.mbox"
  data="$cache/data-$messages"
else
  data="$cache/data"
fi

echo "== OpenRedaction (node $(node --version), CPU 0)"
for tool in openredaction-1.0 openredaction-1.0-uk; do
  (cd "$cache" && taskset -c 0 node bench.js "$tool" "$data" "$messages") > "$cache/$tool.json"
  node -e 'const r=require(process.argv[1]);console.log(`${r.tool}: ${r.MBps} MB/s, ${r.detections} detections`)' "$cache/$tool.json"
done

echo "== Vigil"
dotnet build "$root/bench/Vigil.Bench" -c Release -v quiet -nologo >/dev/null
taskset -c 0 dotnet "$root/bench/Vigil.Bench/bin/Release/net10.0/Vigil.Bench.dll" phi --data "$data" --rounds "$rounds" \
  --openredaction "$cache/openredaction-1.0.json" --openredaction-uk "$cache/openredaction-1.0-uk.json"
