#!/usr/bin/env bash
# cybernorms search vs fzf --filter over the same 100k entities, as whole processes.
# Builds the synthetic dataset, writes its names and summaries as lines for fzf, runs both
# commands several times with hyperfine, and prints the medians and their ratios.
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
# Three ways to run cybernorms: without the cache (--no-cache: parse and validate every
# time), the first run after the file changed (parse, validate, write the cache), and the
# runs after that (read the cache). The cache lives in the temporary directory. hyperfine
# pairs the --prepare commands with the commands in order.
export XDG_CACHE_HOME="$work/cache"
cn="./target/release/cybernorms --data $work/big.ron"
hyperfine --runs "$RUNS" --warmup 2 --export-json "$work/times.json" \
  -n fzf "fzf --filter '$QUERY' < $work/lines.txt | head -20" \
  -n no-cache "$cn --no-cache search '$QUERY' --limit 20" \
  -n first-run "$cn search '$QUERY' --limit 20" \
  -n cached "$cn search '$QUERY' --limit 20" \
  --prepare true --prepare true --prepare "rm -rf $work/cache" --prepare true
python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
f = r.pop("fzf")
print(f"median: fzf {f*1000:.1f} ms")
for name, t in r.items():
    print(f"median: cybernorms {name} {t*1000:.1f} ms, ratio cybernorms/fzf = {t/f:.2f}")
PY
