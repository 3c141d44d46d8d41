#!/usr/bin/env bash
# cybernorms search vs fzf --filter over the same 100k entities, as whole processes.
# Builds the synthetic dataset, writes its names and summaries as lines for fzf, runs both
# commands several times with hyperfine, and prints the medians and their ratio.
# Needs: hyperfine, fzf, python3 (apt-get install hyperfine fzf).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
QUERY=${QUERY:-critical grid}
RUNS=${RUNS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
cargo run --release --quiet --example gen -- "$N" > "$work/big.ron"
./target/release/cybernorms --data "$work/big.ron" dump --json \
  | python3 -c '
import json, sys
d = json.load(sys.stdin)
for kind in ("norm_sets", "norms", "agreements", "incidents"):
    for e in d[kind]:
        print(e["name"], "-", e.get("summary", ""))
' > "$work/lines.txt"
echo "entities: $N ($(wc -l < "$work/lines.txt") lines for fzf); query: '$QUERY'"
ls -l "$work/big.ron" "$work/lines.txt" | awk '{print $5, $9}'
hyperfine --runs "$RUNS" --warmup 2 --export-json "$work/times.json" \
  -n cybernorms "./target/release/cybernorms --data $work/big.ron search '$QUERY' --limit 20" \
  -n fzf "fzf --filter '$QUERY' < $work/lines.txt | head -20"
python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
c, f = r["cybernorms"]["median"], r["fzf"]["median"]
print(f"median: cybernorms {c*1000:.1f} ms, fzf {f*1000:.1f} ms, ratio cybernorms/fzf = {c/f:.2f}")
PY
