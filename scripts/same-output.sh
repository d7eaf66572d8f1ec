#!/bin/bash
# scripts/same-output.sh OLD NEW: runs the README tour and commands on the sample sessions with
# two podium binaries, each in an empty folder, and compares every output and every file byte for
# byte (lock files aside: they hold the pid). Issue 9 used it to show the layering changed nothing.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
OLD=$(realpath "$1"); NEW=$(realpath "$2"); README=$root/README.md; ASSETS=$root/assets
work=$(mktemp -d)
script=$work/tour.sh
awk '/^## A tour of the command line/{t=1} t&&/^```sh$/{b=1;next} b&&/^```$/{exit} b' "$README" | grep -v '^#' > "$script"
cat >> "$script" <<'EOS'
# The sample sessions: every reading command, and a few changes.
for f in sample-session sample-opening sample-reply; do
  cp "$ASSETS/$f.json" "$f.json"
  podium list "$f.json"; podium list "$f.json" --json; podium status "$f.json"; podium status "$f.json" --json
  podium check "$f.json"; podium export "$f.json" --format csv; podium export "$f.json" --format markdown
  podium export "$f.json" --format json; podium report "$f.json"; podium why "$f.json" 1
  podium export "$f.json" --format xlsx --out "$f.xlsx"; podium export "$f.json" --format html --out "$f.html"
  podium next "$f.json"; podium time "$f.json" +30s; podium pause "$f.json"; podium set "$f.json" limit 4m
  podium add "$f.json" --delegation Kenya --speaker X --level minister; podium swap "$f.json" 1 1
  podium set "$f.json" nosuch 1; podium add "$f.json" --delegation "" --speaker X --level delegate
done
podium lists .; podium lists . --json
podium import sample-session.json "$ASSETS/sample-inscriptions.csv" --dry-run
EOS
run() {
  local bin=$1 dir=$2
  mkdir -p "$dir/bin"; ln -sf "$bin" "$dir/bin/podium"
  ( cd "$dir" && PATH="$dir/bin:$PATH" TZ=Europe/Vienna NO_COLOR=1 ASSETS="$ASSETS" HOME="$dir" \
      bash -v "$script" > "$dir.out" 2>&1 )
  rm -rf "$dir/bin"
}
run "$OLD" "$work/old"; run "$NEW" "$work/new"
echo "commands: $(grep -c '^podium\|^  podium' "$script") lines of the script"
if cmp -s "$work/old.out" "$work/new.out"; then echo "output: identical ($(wc -c < "$work/new.out") bytes)"; else echo "output DIFFERS:"; diff "$work/old.out" "$work/new.out" | head -40; fi
( cd "$work/old" && find . -type f ! -name '*.lock' | sort ) > "$work/old.files"
( cd "$work/new" && find . -type f ! -name '*.lock' | sort ) > "$work/new.files"
if ! cmp -s "$work/old.files" "$work/new.files"; then echo "file lists differ"; diff "$work/old.files" "$work/new.files"; fi
same=0; differ=0
while read -r f; do
  if cmp -s "$work/old/$f" "$work/new/$f"; then same=$((same+1)); else differ=$((differ+1)); echo "DIFFERS: $f"; fi
done < "$work/old.files"
echo "files: $same identical, $differ differ"
echo "kept in $work"
