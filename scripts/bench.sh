#!/usr/bin/env bash
# The real commands, measured from outside (SPEC section 6), with the numbers for docs/proof.md:
#   - add, list --json and next on 1,000 and 10,000 entries, and the 10,000/1,000 ratio (<= 15);
#   - podium list --json against jq . on the same 10,000-entry file (ratio < 1);
#   - the maximum resident memory of podium list with 1,000 entries (< 20 MB).
# Needs hyperfine and jq (apt-get install -y hyperfine jq); without hyperfine, a timing loop.
# Usage: scripts/bench.sh [RUNS]   (RUNS per measurement, default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-30}"
cargo build --release --quiet --bin podium --example bench_session
bin="$PWD/target/release/podium"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PODIUM_NOW="2022-10-17T10:00:00+02:00"
for n in 1000 10000; do
  target/release/examples/bench_session "$n" "$work/base-$n.json"
done
printf 'files: 1,000 entries %s bytes, 10,000 entries %s bytes\n' \
  "$(stat -c %s "$work/base-1000.json")" "$(stat -c %s "$work/base-10000.json")"

# mean seconds of a command; PREPARE runs before each run, untimed.
mean() { # NAME PREPARE COMMAND
  local name="$1" prepare="$2" cmd="$3"
  if command -v hyperfine >/dev/null; then
    hyperfine --shell=none --style none --warmup 3 --runs "$runs" --prepare "$prepare" \
      --export-json "$work/$name.json" "$cmd" >/dev/null 2>&1 ||
      hyperfine --style none --warmup 3 --runs "$runs" --prepare "$prepare" \
        --export-json "$work/$name.json" "$cmd" >/dev/null
    jq -r '.results[0].mean' "$work/$name.json"
  else
    local total=0 i start end
    for ((i = 0; i < runs; i++)); do
      bash -c "$prepare"
      start=$(date +%s%N)
      bash -c "$cmd" >/dev/null
      end=$(date +%s%N)
      total=$((total + end - start))
    done
    echo "scale=6; $total / $runs / 1000000000" | bc
  fi
}
ms() { awk -v s="$1" 'BEGIN { printf "%.2f", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

declare -A t
for n in 1000 10000; do
  f="$work/s-$n.json"
  reset="cp $work/base-$n.json $f"
  $reset
  t[list$n]=$(mean "list-$n" "true" "$bin list --json $f")
  t[add$n]=$(mean "add-$n" "$reset" "$bin add $f --delegation Newcomer --speaker Someone --level delegate")
  t[next$n]=$(mean "next-$n" "$reset" "$bin next $f")
  t[check$n]=$(mean "check-$n" "true" "$bin check $f")
done
echo
echo "command        1,000 (ms)  10,000 (ms)  ratio (target <= 15)"
for c in add list next check; do  # list: list --json
  printf '%-14s %10s  %11s  %s\n' "$c" "$(ms "${t[${c}1000]}")" "$(ms "${t[${c}10000]}")" \
    "$(ratio "${t[${c}10000]}" "${t[${c}1000]}")"
done

f="$work/base-10000.json"
jq_t=$(mean "jq" "true" "jq . $f")
echo
printf 'list --json, 10,000 entries: %s ms; jq . on the same file: %s ms; ratio %s (target < 1)\n' \
  "$(ms "${t[list10000]}")" "$(ms "$jq_t")" "$(ratio "${t[list10000]}" "$jq_t")"

echo
rss() { # LABEL ARGS...
  local label="$1"
  shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$work/rss" "$bin" "$@" >/dev/null 2>&1
    printf 'max resident memory, %-34s %6s kB\n' "$label:" "$(tail -1 "$work/rss")"
  else
    echo "max resident memory: /usr/bin/time is missing (apt-get install -y time)"
  fi
}
for n in 1000 10000; do
  f="$work/s-$n.json"
  cp "$work/base-$n.json" "$f"
  rss "podium list, $n entries" list "$f"
  rss "podium list --json, $n entries" list --json "$f"
  rss "podium status, $n entries" status "$f"
  rss "podium add, $n entries" add "$f" --delegation Newcomer --speaker Someone --level delegate
done
