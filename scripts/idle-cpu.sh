#!/usr/bin/env bash
# The screen at rest (SPEC section 6), measured from outside on the release binary in tmux
# (200x50), on a 1,000-entry session (examples/bench_session.rs):
#   - with a running timer: CPU over SECONDS from /proc/PID/stat (utime+stime), target < 1 % of
#     one core; the bytes the screen wrote to the terminal (tmux pipe-pane) and to anything
#     (/proc/PID/io wchar): about one small redraw a second;
#   - with no timer running (the same file opened long after its checkpoint: the speech is
#     recovered paused): CPU ~0 and one redraw a minute, on the minute (the header's clock of
#     the day and the plan), never more: the frames drawn are counted with PODIUM_COUNT_DRAWS
#     (`scripts/idle-cpu.sh 180` measures the three minutes of the README);
#   - resident memory with 1,000 entries, VmRSS and VmHWM from /proc/PID/status: < 20 MB.
# Needs tmux. Usage: scripts/idle-cpu.sh [SECONDS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-10}"
command -v tmux >/dev/null || { echo "tmux is missing (apt-get install -y tmux)"; exit 1; }
cargo build --release --quiet --bin podium --example bench_session
bin="$PWD/target/release/podium"
work="$(mktemp -d)"
sock="podium-idle-$$"
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
hz=$(getconf CLK_TCK)

cpu_ticks() { # PID: utime + stime, in clock ticks
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}
wchar() { awk '/^wchar/ { print $2 }' "/proc/$1/io"; }
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

measure() { # LABEL FILE ENV...
  local label="$1" file="$2"
  shift 2
  target/release/examples/bench_session 1000 "$file"
  tmux -L "$sock" -f /dev/null new-session -d -s "$label" -x 200 -y 50 \
    env PODIUM_COUNT_DRAWS="$work/$label.draws" "$@" "$bin" --file "$file"
  local pid=""
  for _ in $(seq 100); do
    pid=$(sed -n 's/^pid \([0-9]*\),.*/\1/p' "$file.lock" 2>/dev/null || true)
    [ -n "$pid" ] && [ -d "/proc/$pid" ] && break
    sleep 0.05
  done
  [ -n "$pid" ] || { echo "$label: the screen did not start"; exit 1; }
  sleep 2 # start-up and its first frames
  : >"$work/$label.out"
  tmux -L "$sock" pipe-pane -t "$label" -o "cat >> '$work/$label.out'"
  sleep 0.2
  local c0 w0 c1 w1 t0 t1 d0 d1
  d0=$(cat "$work/$label.draws" 2>/dev/null || echo 0)
  c0=$(cpu_ticks "$pid")
  w0=$(wchar "$pid")
  t0=$(date +%s.%N)
  sleep "$secs"
  c1=$(cpu_ticks "$pid")
  w1=$(wchar "$pid")
  t1=$(date +%s.%N)
  d1=$(cat "$work/$label.draws" 2>/dev/null || echo 0)
  sleep 0.2
  local bytes
  bytes=$(stat -c %s "$work/$label.out")
  local screen
  screen=$(tmux -L "$sock" capture-pane -p -t "$label")
  echo "$label: $((d1 - d0)) frames drawn in $secs s (PODIUM_COUNT_DRAWS)"
  awk -v l="$label" -v c=$((c1 - c0)) -v hz="$hz" -v a="$t0" -v b="$t1" -v w=$((w1 - w0)) \
    -v tty="$bytes" -v rss="$(status_kb "$pid" VmRSS)" -v hwm="$(status_kb "$pid" VmHWM)" \
    'BEGIN {
      s = b - a
      printf "%-9s CPU %.3f %% of one core (%d ticks of 1/%d s in %.1f s); to the terminal %d bytes (%.0f B/s); written in all %d bytes; VmRSS %.1f MB, VmHWM %.1f MB\n",
        l, 100 * c / hz / s, c, hz, s, tty, tty / s, w, rss / 1024, hwm / 1024
    }'
  case "$label" in
  running) grep -q -E "running|OVERTIME" <<<"$screen" || echo "  (warning: the timer does not show as running)" ;;
  idle) grep -q "PAUSED" <<<"$screen" || echo "  (warning: the timer does not show as paused)" ;;
  esac
  kill -TERM "$pid"
  sleep 0.5
}

echo "the screen at 200x50, 1,000 entries, $secs s each (release build)"
# A checkpoint 30 s old: the speech resumes running.
measure running "$work/running.json" PODIUM_NOW=2022-10-17T10:00:30+02:00
# The real clock, years after the checkpoint: the speech is recovered paused, nothing runs.
measure idle "$work/idle.json" PODIUM_IDLE=1
