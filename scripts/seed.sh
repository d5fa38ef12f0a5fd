#!/usr/bin/env bash
# Runs the main job on the seed article on a fresh Debian machine: installs
# Go when it is missing or older than go.mod asks, then writes the seed's
# graph to siege.ttl (other arguments go to wikikg build).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/install.sh
ensure_go
exec go run ./cmd/wikikg build testdata/seed/siege-of-pyongyang-1592.txt -o siege.ttl "$@"
