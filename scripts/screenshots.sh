#!/usr/bin/env bash
# The room's screens at 1920x1080, for docs/: a rehearsal of the built-in COP11 sample serves
# its pages (podium rehearse --serve), the first speaker is called and a message sent, and
# headless chromium takes docs/screen-presenter.png and docs/screen-speaker.png.
# Needs tmux and chromium. Usage: scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --bin podium
bin="$PWD/target/debug/podium"
work="$(mktemp -d)"
sock="podium-shots-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir "$work/tmp"
tmux -L "$sock" -f /dev/null new-session -d -s shots -x 140 -y 40 \
  "TMPDIR='$work/tmp' '$bin' rehearse --serve 127.0.0.1:0 2>'$work/err'"
for _ in $(seq 100); do grep -q "speaker's monitor" "$work/err" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/err" | head -1)
# The first two speakers heard, the third at the podium for 2:18, then a message.
tmux -L "$sock" send-keys -t shots n; sleep 0.3
tmux -L "$sock" send-keys -t shots n; sleep 0.3
tmux -L "$sock" send-keys -t shots n; sleep 0.3
tmux -L "$sock" send-keys -t shots m; sleep 0.3
tmux -L "$sock" send-keys -t shots -l "Please conclude"; tmux -L "$sock" send-keys -t shots Enter
sleep 0.5
shot() { # PAGE OUT
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$2" --hide-scrollbars --window-size=1920,1080 --timeout=6000 \
    --screenshot="$2" "${url}$1" >/dev/null 2>&1
}
shot "" docs/screen-presenter.png
shot "speaker" docs/screen-speaker.png
echo "docs/screen-presenter.png and docs/screen-speaker.png written from $url"
