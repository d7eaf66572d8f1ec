#!/usr/bin/env bash
# Builds assets/sample-session.json, the COP11 general discussion the rehearsal opens, through
# podium's own commands (so the sample always obeys the rules). Names of speakers are invented.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q
P=target/debug/podium
F=$(mktemp -d)/sample.json
export PODIUM_NOW=2022-10-17T09:30:00+02:00
$P new "$F" --title "COP11 - General discussion (item 1 (f))" \
  --opens 2022-09-05T00:00:00+02:00 --closes 2022-10-17T12:00:00+02:00 \
  --slot 2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00 \
  --slot 2022-10-17T15:00:00+02:00/2022-10-17T18:00:00+02:00 >/dev/null
$P set "$F" video-deadline 2022-10-07T23:59:59+02:00 >/dev/null
add() { # delegation speaker level day time [extra args]
  local d=$1 s=$2 l=$3 at="2022-$4T$5:00+02:00"; shift 5
  $P add "$F" --delegation "$d" --speaker "$s" --level "$l" --at "$at" "$@" >/dev/null 2>&1
}
add "Egypt" "H.E. Mr. Omar Hassan" minister 09-05 09:12
add "Italy" "H.E. Ms. Giulia Ferri" minister 09-05 11:40
add "Nigeria" "H.E. Mr. Chinedu Okafor" head-of-delegation 09-05 15:03 --chair-of african
add "Brazil" "Ms. Ana Souza" head-of-delegation 09-06 08:55
add "Japan" "H.E. Mr. Kenji Sato" deputy-minister 09-06 10:20
add "Mexico" "H.E. Ms. Lucía Ramírez" minister 09-07 09:45
add "Poland" "Mr. Tomasz Nowak" delegate 09-07 14:10
add "India" "H.E. Mr. Arjun Mehta" minister 09-08 07:30
add "Kenya" "H.E. Ms. Wanjiru Kamau" minister 09-08 12:05
add "Germany" "Ms. Anna Becker" head-of-delegation 09-09 10:00
add "Indonesia" "H.E. Mr. Budi Santoso" deputy-minister 09-12 09:15
add "Argentina" "Mr. Martín Gómez" head-of-delegation 09-12 16:40
add "Morocco" "H.E. Mr. Youssef Alami" minister 09-13 11:11
add "Ukraine" "Ms. Olena Kovalenko" head-of-delegation 09-14 10:30
add "Philippines" "Ms. Maria Santos" delegate 09-15 08:45
add "France" "M. Pierre Lambert" head-of-delegation 09-15 17:20
add "South Africa" "H.E. Ms. Thandi Nkosi" deputy-minister 09-16 09:00
add "Colombia" "H.E. Mr. Andrés Castro" vice-president 09-19 10:05
add "Romania" "Mr. Andrei Popescu" delegate 09-20 13:30
add "Viet Nam" "H.E. Mr. Nguyen Van Minh" minister 09-21 09:40 --mode remote
add "Côte d'Ivoire" "Mme Aya Kouassi" head-of-delegation 09-22 11:00
add "Bolivia (Plurinational State of)" "Sr. Evo Quispe" delegate 09-23 15:15
add "Canada" "Ms. Sarah Thompson" head-of-delegation 09-26 10:10
add "Thailand" "H.E. Ms. Siriporn Chai" deputy-minister 09-27 08:30
add "Ghana" "H.E. Mr. Kwame Mensah" head-of-state 09-28 09:00 --mode video
add "Czechia" "Mr. Jan Novák" head-of-delegation 09-29 14:00 --chair-of eastern-european
add "Peru" "Ms. Rosa Flores" delegate 09-30 10:45
add "Australia" "Mr. James Wilson" delegate 10-03 09:20
add "Senegal" "H.E. Mr. Mamadou Ndiaye" minister 10-04 11:30
add "Saudi Arabia" "Mr. Faisal Al-Harbi" head-of-delegation 10-05 10:00
add "Türkiye" "Mr. Mehmet Yılmaz" head-of-delegation 10-06 16:00
add "Chile" "Ms. Camila Rojas" delegate 10-07 09:10
add "Serbia" "H.E. Mr. Nikola Petrović" deputy-minister 10-10 12:00
add "Pakistan" "Mr. Imran Qureshi" delegate 10-11 10:30
add "Ethiopia" "Ms. Hanna Tesfaye" delegate 10-12 09:00
add "United States of America" "Mr. Robert Miller" head-of-delegation 10-13 15:45
add "Jamaica" "H.E. Ms. Simone Campbell" minister 10-14 10:00
add "European Union" "H.E. Ms. Ilse Vermeer" minister 10-03 11:00 --category reio
add "Holy See" "Msgr. Paolo Ricci" head-of-delegation 09-26 12:00 --category observer-state
add "INTERPOL" "Mr. Lars Eriksen" delegate 09-20 09:00 --category igo
add "Fiji" "Mr. Josaia Tora" delegate 10-17 11:58
# The notices that came in while the list was open.
$P replace "$F" japan --speaker "Mr. Hiroshi Tanaka" --level head-of-delegation --at 2022-10-01T09:00:00+02:00 >/dev/null
$P swap "$F" poland romania --at 2022-10-05T10:00:00+02:00 >/dev/null
$P mark "$F" egypt --statement-received >/dev/null
$P mark "$F" ghana --introducer "H.E. Ms. Akosua Boateng, Permanent Representative" >/dev/null
$P mark "$F" india --no-post >/dev/null
$P check "$F" >/dev/null
cp "$F" assets/sample-session.json
$P list assets/sample-session.json | tail -n 5
