#!/usr/bin/env bash
# End-to-end throughput of `newsgraph build` on the Reuters corpus and on a
# copy of it replicated 10 times (about 170 MB): wall time, peak memory,
# articles/s, MB/s and sentences/s.
#
#   scripts/bench.sh [CORPUS.jsonl] [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/bulk/reuters21578.jsonl}
copies=${2:-10}
[ -f "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/newsgraph" ./cmd/newsgraph

# The replicated corpus gives each copy its own ids, so no article merges
# with its twin.
for i in $(seq 1 "$copies"); do
  sed "s/\"id\": *\"/&copy$i-/" "$corpus"
done > "$work/replicated.jsonl"

echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3)"
for f in "$corpus" "$work/replicated.jsonl"; do
  size=$(du -m "$f" | cut -f1)
  echo "== $(basename "$f") (${size} MB on disk)"
  /usr/bin/time -f "wall %e s, peak memory %M KB" \
    "$work/newsgraph" build "$f" -o "$work/graph.json" 2>&1 | sed 's/^/  /'
done
