#!/usr/bin/env bash
# Runs the main job on the seed article on a fresh Debian machine: installs
# Go when it is missing, then writes the seed's graph to siege.ttl (other
# arguments go to wikikg build).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/install.sh
if ! command -v go >/dev/null; then
	echo "installing: golang-go"
	apt_install golang-go
fi
exec go run ./cmd/wikikg build testdata/seed/siege-of-pyongyang-1592.txt -o siege.ttl "$@"
