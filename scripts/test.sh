#!/usr/bin/env bash
# Runs every test of wikikg on a fresh Debian machine: installs what the tests
# need when it is missing (Go, rapper from raptor2-utils, Node.js, and the npm
# packages jsonld, oxigraph and rdf-validate-shacl), then vets, checks
# formatting and runs the whole suite with the external validators required,
# not skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/install.sh

missing=()
command -v rapper >/dev/null || missing+=(raptor2-utils)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v bzip2 >/dev/null || missing+=(bzip2)
if [ ${#missing[@]} -gt 0 ]; then
	echo "installing: ${missing[*]}"
	apt_install "${missing[@]}"
fi
ensure_go

if [ ! -d .ci/jsonld/node_modules/jsonld ]; then
	echo "installing: npm jsonld"
	(cd .ci/jsonld && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi

if [ ! -d .ci/sparql/node_modules/oxigraph ]; then
	echo "installing: npm oxigraph"
	(cd .ci/sparql && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi

export WIKIKG_REQUIRE_TOOLS=1
export WIKIKG_JSONLD_JS="$PWD/.ci/jsonld/tonquads.mjs"
export WIKIKG_SPARQL_JS="$PWD/.ci/sparql/query.mjs"

# --- SHACL engine (validation and trust) ---
# rdf-validate-shacl, an independent SHACL engine, checks the corpus's output
# against ontology/shapes.ttl (TestSHACLIndependent).
if [ ! -d .ci/shacl/node_modules/rdf-validate-shacl ]; then
	echo "installing: npm rdf-validate-shacl"
	(cd .ci/shacl && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
export WIKIKG_SHACL_JS="$PWD/.ci/shacl/validate.mjs"
# --- end SHACL engine ---

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
go vet ./...
go test -count=1 ./... "$@"

# --- fuzzing (validation and trust) ---
# Runs every fuzz target for a short time (WIKIKG_FUZZTIME, 5s by default;
# 0 skips). A crasher fails the run and is written under the package's
# testdata/fuzz/, where it must be committed with the fix, so that plain
# "go test" replays it ever after.
fuzztime=${WIKIKG_FUZZTIME:-5s}
if [ "$fuzztime" != 0 ]; then
	for pkg in $(go list ./...); do
		for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
			echo "fuzz: $pkg $target ($fuzztime)"
			if ! out=$(go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" 2>&1); then
				# Go's fuzzing engine may report "context deadline exceeded"
				# when a worker is busy as time runs out, with no failing
				# input: that is no crash.
				if grep -q 'Failing input written' <<<"$out" || ! grep -q 'context deadline exceeded' <<<"$out"; then
					echo "$out"; exit 1
				fi
			fi
		done
	done
fi
# --- end fuzzing ---

# --- Loading into SPARQL stores (issue 6) ---------------------------------
# The integration tests of `wikikg load` against a private Virtuoso on
# loopback, which scripts/virtuoso.sh installs, starts and stops.
# WIKIKG_SKIP_VIRTUOSO=1 skips them.
if [ "${WIKIKG_SKIP_VIRTUOSO:-}" != 1 ]; then
	bash scripts/virtuoso.sh
fi
# --- end of loading into SPARQL stores --------------------------------------
