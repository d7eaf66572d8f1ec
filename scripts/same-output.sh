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
  # Each in a folder of its own: the tour's speech at the podium would refuse its calls.
  mkdir -p "$f"; cp "$ASSETS/$f.json" "$f/$f.json"; s="$f/$f.json"
  podium list "$s"; podium list "$s" --json; podium status "$s"; podium status "$s" --json
  podium check "$s"; podium export "$s" --format csv; podium export "$s" --format md
  podium export "$s" --format journal; podium export "$s" --format json; podium report "$s"
  podium report "$s" --format html
  podium export "$s" --format xlsx --output "$f/$f.xlsx"; podium export "$s" --format html --output "$f/$f.html"
  podium next "$s"; podium time "$s" +30s; podium pause "$s"; podium resume "$s"; podium set "$s" limit 4m
  podium add "$s" --delegation Kenya --speaker X --level minister; podium swap "$s" 1 1
  podium set "$s" nosuch 1; podium add "$s" --delegation "" --speaker X --level delegate
  podium lists "$f"; podium lists "$f" --json
done
podium lists .; podium lists . --json
podium import sample-session/sample-session.json "$ASSETS/sample-inscriptions.csv" --dry-run
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
# Two spreadsheets whose every member but the document's properties is the same.
xlsx_alike() {
  local a b; a=$(mktemp -d); b=$(mktemp -d)
  ( cd "$a" && unzip -qo "$1" ) && ( cd "$b" && unzip -qo "$2" ) &&
    diff -r -x core.xml "$a" "$b" > /dev/null
}
same=0; differ=0
while read -r f; do
  if cmp -s "$work/old/$f" "$work/new/$f"; then
    same=$((same+1))
  elif [[ $f == *.xlsx ]] && xlsx_alike "$work/old/$f" "$work/new/$f"; then
    # Before issue 9 a spreadsheet said it was made at the machine's clock, not at PODIUM_NOW.
    same=$((same+1)); echo "alike but for docProps/core.xml (the time it was made): $f"
  else
    differ=$((differ+1)); echo "DIFFERS: $f"
  fi
done < "$work/old.files"
echo "files: $same identical, $differ differ"
echo "kept in $work"
