#!/usr/bin/env bash
# Runs every test of wikikg on a fresh Debian machine: installs what the tests
# need when it is missing (Go, rapper from raptor2-utils, roqet from
# rasqal-utils, Node.js and the npm jsonld package), then vets, checks
# formatting and runs the whole suite with
# the external validators required, not skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
	else
		sudo apt-get update -qq >/dev/null
		sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
	fi
}

missing=()
command -v go >/dev/null || missing+=(golang-go)
command -v rapper >/dev/null || missing+=(raptor2-utils)
command -v roqet >/dev/null || missing+=(rasqal-utils)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
	echo "installing: ${missing[*]}"
	apt_install "${missing[@]}"
fi
# Debian's Go may be older than go.mod asks; the go command then fetches the
# right toolchain from the module proxy.
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto}

if [ ! -d .ci/jsonld/node_modules/jsonld ]; then
	echo "installing: npm jsonld"
	(cd .ci/jsonld && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi

export WIKIKG_REQUIRE_TOOLS=1
export WIKIKG_JSONLD_JS="$PWD/.ci/jsonld/tonquads.mjs"

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
go vet ./...
go test -count=1 ./... "$@"
