#!/usr/bin/env bash
# Builds the two other lists of the rehearsal's conference (17 October 2022, COP11), through
# podium's own commands: assets/sample-opening.json, the opening statements of item 1 (a), and
# assets/sample-reply.json, an empty right-of-reply list. The general discussion is
# assets/sample-session.json (scripts/make-sample.sh). Names of speakers are invented;
# delegations are spelled as in data/un-member-states.json.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q
P=target/debug/podium
D=$(mktemp -d)
export PODIUM_NOW=2022-10-17T09:30:00+02:00 TZ=Europe/Vienna
O=$D/opening.json
$P new "$O" --kind opening --title "COP11 - Opening statements (item 1 (a))" \
  --slot 2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00 >/dev/null
$P set "$O" high-level-deadline 2022-10-07T12:00:00+02:00 >/dev/null
add() { # delegation speaker level day time [extra args]
  local d=$1 s=$2 l=$3 at="2022-$4T$5:00+02:00"; shift 5
  $P add "$O" --delegation "$d" --speaker "$s" --level "$l" --at "$at" "$@" >/dev/null
}
# Entered as the requests came in; R11 orders them.
add "United Nations Office on Drugs and Crime" "Ms. Amina Rahman" head-of-delegation 09-20 10:00 \
  --role executive-head --category un-entity
add "Ecuador" "H.E. Mr. Diego Andrade" head-of-state 10-06 09:30 --mode remote
add "Nigeria" "H.E. Mr. Chinedu Okafor" head-of-delegation 10-10 09:00 --chair-of african
add "Indonesia" "H.E. Mr. Budi Santoso" head-of-delegation 10-11 11:00 --chair-of asia-pacific
add "Czechia" "Mr. Jan Novák" head-of-delegation 10-11 15:00 --chair-of eastern-european
add "Mexico" "H.E. Ms. Lucía Ramírez" head-of-delegation 10-12 10:00 --chair-of latin-american-caribbean
add "Canada" "Ms. Sarah Thompson" head-of-delegation 10-12 16:00 --chair-of weog
add "Thailand" "H.E. Mr. Somchai Wongsawat" minister 10-14 09:00 --role incoming-president
add "Austria" "H.E. Ms. Elisabeth Huber" head-of-delegation 10-14 09:30 --role outgoing-president
$P check "$O" >/dev/null
R=$D/reply.json
$P new "$R" --kind reply --title "COP11 - Right of reply (17 October)" \
  --slot 2022-10-17T15:00:00+02:00/2022-10-17T18:00:00+02:00 >/dev/null
$P check "$R" >/dev/null
cp "$O" assets/sample-opening.json
cp "$R" assets/sample-reply.json
$P list assets/sample-opening.json
