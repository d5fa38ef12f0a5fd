#!/usr/bin/env bash
# Runs wikikg's integration tests against a real Virtuoso: installs Debian's
# virtuoso-opensource when it is missing, starts a PRIVATE instance bound to
# 127.0.0.1 on non-default ports (its own virtuoso.ini and database in a
# temporary directory, never the system service), waits until it answers,
# runs `go test -tags virtuoso ... -run Integration`, and stops the instance
# on exit, even when the tests fail.
#
#   bash scripts/virtuoso.sh                 # the integration tests
#   bash scripts/virtuoso.sh -- CMD ARGS...  # CMD instead, with the same env
#
# The tests find the instance through WIKIKG_VIRTUOSO_URL (HTTP root),
# WIKIKG_VIRTUOSO_USER and WIKIKG_VIRTUOSO_PASSWORD (the dba account, for
# /sparql-graph-crud-auth), WIKIKG_VIRTUOSO_INI (to restart it after a
# kill) and WIKIKG_VIRTUOSO_ISQL (host:port of its SQL server).
set -euo pipefail
cd "$(dirname "$0")/.."

sql_port=${WIKIKG_VIRTUOSO_SQL_PORT:-11111}
http_port=${WIKIKG_VIRTUOSO_HTTP_PORT:-18890}
password=${WIKIKG_VIRTUOSO_PASSWORD:-wikikg-$RANDOM$RANDOM}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Install before starting anything: the package's postinst runs
# `isql 1111 dba dba -K`, which shuts down whatever listens on port 1111.
if ! command -v virtuoso-t >/dev/null; then
	echo "installing: virtuoso-opensource"
	# Empty dba passwords preseeded, so the install asks nothing.
	printf '%s\n' \
		'virtuoso-opensource-7 virtuoso-opensource-7/dba-password password' \
		'virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password' |
		as_root debconf-set-selections
	as_root apt-get update -qq >/dev/null
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null
fi
isql=$(command -v isql-vt || command -v isql)
vsp=/var/lib/virtuoso-opensource-7/vsp
vad=/usr/share/virtuoso-opensource-7/vad

work=$(mktemp -d)
db="$work/db"
mkdir -p "$db" "$work/load"
ini="$work/virtuoso.ini"
cat >"$ini" <<INI
[Database]
DatabaseFile    = $db/virtuoso.db
ErrorLogFile    = $db/virtuoso.log
LockFile        = $db/virtuoso.lck
TransactionFile = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = $db/virtuoso-temp.db
TransactionFile = $db/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort          = 127.0.0.1:$sql_port
DisableUnixSocket   = 1
CaseMode            = 2
CheckpointInterval  = 60
DirsAllowed         = ., $work/load, $vad
VADInstallDir       = $vad/
NumberOfBuffers     = 170000
MaxDirtyBuffers     = 130000
MaxQueryMem         = 1G
ThreadsPerQuery     = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $vsp
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8
EnabledGzipContent   = 1

[SPARQL]
; The default 10000 silently truncates SELECT results and graph downloads.
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
INI

pidof_instance() { sed -n 's/^VIRT_PID=//p' "$db/virtuoso.lck" 2>/dev/null; }
stop() {
	local pid
	pid=$(pidof_instance || true)
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null || true
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap stop EXIT

start=$(date +%s.%N)
(cd "$db" && virtuoso-t +configfile "$ini" +wait >/dev/null 2>&1) || {
	echo "virtuoso did not start:"; tail -20 "$db/virtuoso.log" || true; exit 1
}
sql() { "$isql" "127.0.0.1:$sql_port" dba "$@"; }
ready=
for _ in $(seq 120); do
	if sql dba 'exec=status();' >/dev/null 2>&1; then ready=1; break; fi
	sleep 0.25
done
[ -n "$ready" ] || { echo "virtuoso did not answer on 127.0.0.1:$sql_port"; tail -20 "$db/virtuoso.log"; exit 1; }
# A new database's dba password is "dba": set ours, and let the anonymous
# /sparql endpoint update, for the SPARQL Update protocol's tests.
sql dba "exec=user_set_password ('dba', '$password');" >/dev/null
sql "$password" 'exec=GRANT SPARQL_UPDATE TO "SPARQL";' >/dev/null
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "virtuoso: private instance on 127.0.0.1:%s (HTTP) up in %.1f s\n", '"$http_port"', e-s }'

export WIKIKG_VIRTUOSO_URL="http://127.0.0.1:$http_port"
export WIKIKG_VIRTUOSO_USER=dba
export WIKIKG_VIRTUOSO_PASSWORD="$password"
export WIKIKG_VIRTUOSO_INI="$ini"
export WIKIKG_VIRTUOSO_ISQL="127.0.0.1:$sql_port"
export WIKIKG_VIRTUOSO_LOADDIR="$work/load"
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto}

if [ "${1:-}" = "--" ]; then
	shift
	"$@"
else
	go test -count=1 -tags virtuoso -run Integration ./cmd/wikikg/ "$@"
fi
