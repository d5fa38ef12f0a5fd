#!/usr/bin/env bash
# Benchmarks `wikikg build` end to end on generated corpora of 10 k and
# 100 k articles (the development corpus copied with renamed names, so the
# catalog grows like a real one), writing N-Quads. Prints MB/s per core (one
# worker), MB per CPU second, MB/s with all cores, peak RSS, and the ratio
# of the two runs' per-article cost, which stays near 1 when cost is linear
# in corpus size.
#
#   bash scripts/bench.sh            # 10 k and 100 k articles
#   SIZES="1000 10000" bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/wikikg" ./cmd/wikikg
sizes=${SIZES:-"10000 100000"}
declare -A cost
for n in $sizes; do
	go run ./internal/gencorpus -n "$n" -o "$work/corpus-$n.txt" testdata/corpus/articles
	bytes=$(stat -c %s "$work/corpus-$n.txt")
	for workers in 1 0; do
		/usr/bin/time -f '%e %M %U %S' -o "$work/time" "$work/wikikg" build -q --workers "$workers" -o "$work/out.nq" "$work/corpus-$n.txt"
		read -r secs rss_kb user sys <"$work/time"
		triples=$(wc -l <"$work/out.nq")
		label=$([ "$workers" = 1 ] && echo "1 worker " || echo "all cores")
		# One worker still reads, writes and collects garbage on other
		# goroutines: MB per CPU second is the stricter per-core figure.
		awk -v n="$n" -v b="$bytes" -v s="$secs" -v r="$rss_kb" -v t="$triples" -v l="$label" -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" 'BEGIN {
			printf "%7d articles, %6.1f MB, %s: %6.2f s, %6.1f MB/s, %5.1f MB per CPU s, %8.0f triples/s, peak RSS %6.1f MB\n",
				n, b/1e6, l, s, b/1e6/s, b/1e6/cpu, t/s, r/1024 }'
		if [ "$workers" = 1 ]; then cost[$n]=$(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.9f", s/n }'); fi
	done
done
set -- $sizes
if [ $# -ge 2 ]; then
	awk -v a="${cost[$1]}" -v b="${cost[$2]}" -v x="$1" -v y="$2" 'BEGIN {
		printf "per-article cost, %d vs %d articles (1 worker): ratio %.2f\n", y, x, b/a }'
fi
