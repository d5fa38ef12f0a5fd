#!/usr/bin/env bash
# Differential test of the working tree against an earlier revision: both
# builds of wikikg run on damaged copies of the development corpus
# (internal/mutcorpus: characters deleted, brackets, dashes, years,
# non-ASCII letters and line breaks inserted, case swapped) and on the
# hostile inputs, and everything they print must be the same: the graph in
# every format, with and without --mentions, the errors on stderr, the exit
# code and the --report (less its timings and peak RSS). A change meant to
# make wikikg faster must pass it against the revision before the change;
# a change of behaviour shows here as a first difference to look at.
#
#   bash scripts/difftest.sh BASE [COPIES]     # e.g. bash scripts/difftest.sh main~5 200
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: difftest.sh BASE-REVISION [COPIES]}
copies=${2:-40}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/src" "$base"
(cd "$work/src" && go build -o "$work/base" ./cmd/wikikg)
go build -o "$work/new" ./cmd/wikikg
for ((i = 1; i <= copies; i++)); do
	rates=(0.003 0.01 0.02 0.05)
	rate=${rates[i % 4]}
	go run ./internal/mutcorpus -seed "$i" -rate "$rate" -o "$work/m$i.txt" testdata/corpus/articles
done
# run BIN TAG ARGS...: TAG.out, TAG.err, TAG.rc and TAG.json, run in $work
# so that relative file names, which the output records, are the same.
run() {
	local bin=$1 tag=$2
	shift 2
	local rc=0
	(cd "$work" && "$bin" build -q --report "$tag.json" "$@" >"$tag.out" 2>"$tag.err") || rc=$?
	echo "$rc" >"$work/$tag.rc"
	[ -f "$work/$tag.json" ] && sed -i -E 's/"(seconds|peakRSSBytes)": [0-9.e+-]+,?//' "$work/$tag.json"
	return 0
}
failed=0
compare() {
	local what=$1
	shift
	rm -f "$work"/a.* "$work"/b.*
	run "$work/base" a "$@"
	run "$work/new" b "$@"
	for ext in out err rc json; do
		if [ -f "$work/a.$ext" ] || [ -f "$work/b.$ext" ]; then
			if ! cmp -s "$work/a.$ext" "$work/b.$ext"; then
				echo "DIFFERENT $ext: $what"
				diff "$work/a.$ext" "$work/b.$ext" | head -5 || true
				failed=1
			fi
		fi
	done
}
n=0
for ((i = 1; i <= copies; i++)); do
	compare "m$i.txt, N-Quads" --format nq "m$i.txt"
	n=$((n + 1))
	if [ $((i % 7)) = 1 ]; then
		for f in ttl nt trig jsonld; do
			compare "m$i.txt, $f" --format "$f" "m$i.txt"
			n=$((n + 1))
		done
		compare "m$i.txt, --mentions" --format nq --mentions "m$i.txt"
		n=$((n + 1))
	fi
done
cp -r testdata/hostile "$work/hostile"
for f in "$work"/hostile/*; do
	compare "hostile/$(basename "$f")" --format nq "hostile/$(basename "$f")"
	n=$((n + 1))
done
if [ "$failed" = 1 ]; then
	echo "difftest: the two builds differ (base $base)"
	exit 1
fi
echo "difftest: $n runs, the same output, errors, exit codes and reports as $base"
