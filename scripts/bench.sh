#!/usr/bin/env bash
# Benchmarks `wikikg build` end to end on generated corpora of 10 k and
# 100 k articles (the development corpus copied with renamed names, so the
# catalog grows like a real one), writing N-Quads to a file. Each
# configuration runs ROUNDS times (default 3), as this kind of machine's
# speed drifts between runs; it prints every run, then the median and range
# of: MB/s per core (one worker), MB per CPU second (user and system time
# of every thread, the output's write calls included), MB/s with all cores,
# peak RSS, and the ratio of the two sizes' median per-article cost, which
# stays near 1 when cost is linear in corpus size.
#
#   bash scripts/bench.sh                      # 10 k and 100 k articles
#   SIZES="1000 10000" ROUNDS=5 bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/wikikg" ./cmd/wikikg
sizes=${SIZES:-"10000 100000"}
rounds=${ROUNDS:-3}
# summary FILE: the median and range of each column of FILE (one run a line:
# MB/s, MB per CPU second, peak RSS in MB, seconds).
summary() {
	sort -n -k1 "$1" | awk '
		{ mbs[NR] = $1; cpu[NR] = $2; rss[NR] = $3 }
		function med(a) { return NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }
		function sorted(a,   i, j, t) { for (i = 2; i <= NR; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t } }
		END {
			sorted(cpu); sorted(rss)
			printf "median %5.1f MB/s (%.1f–%.1f), %5.1f MB per CPU s (%.1f–%.1f), peak RSS %6.1f MB (%.1f–%.1f)\n",
				med(mbs), mbs[1], mbs[NR], med(cpu), cpu[1], cpu[NR], med(rss), rss[1], rss[NR] }'
}
declare -A cost
for n in $sizes; do
	go run ./internal/gencorpus -n "$n" -o "$work/corpus-$n.txt" testdata/corpus/articles
	bytes=$(stat -c %s "$work/corpus-$n.txt")
	: >"$work/runs-$n-1"
	: >"$work/runs-$n-0"
	for ((round = 1; round <= rounds; round++)); do
		# Alternate one worker and all cores, so a drift of the machine's
		# speed falls on both.
		for workers in 1 0; do
			/usr/bin/time -f '%e %M %U %S' -o "$work/time" "$work/wikikg" build -q --workers "$workers" -o "$work/out.nq" "$work/corpus-$n.txt"
			read -r secs rss_kb user sys <"$work/time"
			triples=$(wc -l <"$work/out.nq")
			# Each run writes a new file to a disk with no backlog, as a
			# user's run would: the previous output's unlinking and
			# write-back are not this run's.
			rm -f "$work/out.nq"
			sync
			label=$([ "$workers" = 1 ] && echo "1 worker " || echo "all cores")
			awk -v n="$n" -v b="$bytes" -v s="$secs" -v r="$rss_kb" -v t="$triples" -v l="$label" -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" 'BEGIN {
				printf "%7d articles, %6.1f MB, %s: %6.2f s, %6.1f MB/s, %5.1f MB per CPU s, %8.0f triples/s, peak RSS %6.1f MB\n",
					n, b/1e6, l, s, b/1e6/s, b/1e6/cpu, t/s, r/1024 }'
			awk -v b="$bytes" -v s="$secs" -v r="$rss_kb" -v u="$user" -v sy="$sys" 'BEGIN {
				printf "%.3f %.3f %.1f %.3f\n", b/1e6/s, b/1e6/(u+sy), r/1024, s }' >>"$work/runs-$n-$workers"
		done
	done
	printf '%7d articles, 1 worker  (MB/s per core), %s\n' "$n" "$(summary "$work/runs-$n-1")"
	printf '%7d articles, all cores,                %s\n' "$n" "$(summary "$work/runs-$n-0")"
	cost[$n]=$(sort -n -k4 "$work/runs-$n-1" | awk -v n="$n" '{ s[NR] = $4 } END { m = NR % 2 ? s[(NR + 1) / 2] : (s[NR / 2] + s[NR / 2 + 1]) / 2; printf "%.9f", m / n }')
done
set -- $sizes
if [ $# -ge 2 ]; then
	awk -v a="${cost[$1]}" -v b="${cost[$2]}" -v x="$1" -v y="$2" 'BEGIN {
		printf "per-article cost, %d vs %d articles (1 worker, medians): ratio %.2f\n", y, x, b/a }'
fi
