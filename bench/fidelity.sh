#!/usr/bin/env bash
# Measures the real memory of PostgreSQL 15 and Redis servers under load, with a few settings
# each, to set against headroom's model of them (see bench/fidelity/README.md).
#
# Usage: bench/fidelity.sh [--quick]
#
#   --quick   short loads (8 s) and small data sets: a smoke run of the script, not a measurement
#
# Runs as root on Debian 12 (reads other users' /proc/PID/smaps_rollup; installs postgresql and
# redis-server with apt-get when missing). Starts a private PostgreSQL cluster (port 54329, socket
# in a temporary directory, run as the postgres user) and a private redis-server (port 63799, no
# persistence); both are stopped and the directory removed on exit.
#
# Memory of a server = the sum of Pss over its process tree (smaps_rollup), sampled every 0.2 s
# during the load; see bench/fidelity/pss.py for that and for "footprint".
#
# Set HEADROOM to a headroom launcher to add the model's range per case (the model_range hook).
set -euo pipefail

usage() { sed -n '4,7p' "$0" | sed 's/^# \{0,1\}//' >&2; }

QUICK=0
case "${1:-}" in
  --quick) QUICK=1 ;;
  "") ;;
  -h | --help) usage; exit 0 ;;
  *) usage; exit 2 ;;
esac

HERE=$(cd "$(dirname "$0")" && pwd)
FIDELITY=$HERE/fidelity
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=54329
REDIS_PORT=63799
INTERVAL=0.2
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3

if ((QUICK)); then
  PG_LOAD_S=8 PG_BURST_S=4 PG_SCALE_SMALL=2 PG_SCALE_LARGE=4 SORT_ROWS=50000
  REDIS_N_64=100000 REDIS_N_256=300000 REDIS_KEYS=100000 REDIS_N_FIXED=100000
else
  PG_LOAD_S=25 PG_BURST_S=12 PG_SCALE_SMALL=10 PG_SCALE_LARGE=25 SORT_ROWS=200000
  REDIS_N_64=1000000 REDIS_N_256=2000000 REDIS_KEYS=100000 REDIS_N_FIXED=1000000
fi
REDIS_CLIENTS=50 REDIS_PIPELINE=16 REDIS_VALUE=1024

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- the model's hook ------------------------------------------------------------------------

# model_range RUNTIME CLIENTS NAME=VALUE...: the model's footprint for the case as "low..high"
# (CLIENTS is not used: the model takes the server's max_connections, its ceiling)
# in MiB, or "-" when HEADROOM is not set ("?" when the command fails). RUNTIME is "postgres" or
# "redis"; the settings are the case's, as the server was given them.
model_range() {
  local runtime=$1 clients=$2 setting
  shift 2
  if [[ -z ${HEADROOM:-} ]]; then
    echo "-"
    return
  fi
  local args=() given=" $* "
  for setting in "$@"; do
    # maxmemory-policy decides what is evicted, not how much memory is used: not a model setting
    [[ $setting == maxmemory-policy=* ]] || args+=(--set "$setting")
  done
  if [[ $runtime == postgres ]]; then
    # the server's own values, so that tune keeps them rather than choosing its own
    [[ $given == *" autovacuum_max_workers="* ]] || args+=(--set autovacuum_max_workers=3)
    [[ $given == *" max_parallel_workers="* ]] || args+=(--set max_parallel_workers=8)
  else
    if [[ $given != *" maxmemory="* ]]; then
      echo "none: no maxmemory"
      return
    fi
    # the servers run with --save '' --appendonly no
    args+=(--set "save=" --set appendonly=no)
  fi
  local json
  # exit 1 (settings that do not fit) still prints the footprint; exit 2 prints nothing, and "?" is shown
  json=$("$HEADROOM" tune "$runtime" --limit 64GiB "${args[@]}" --format json 2>/dev/null || true)
  "$PY" -c '
import json, sys
f = json.loads(sys.argv[1])["footprint"]
print("%.1f..%.1f" % (f["low_bytes"] / 1048576, f["high_bytes"] / 1048576))' "$json" 2>/dev/null || echo "?"
}

# --- set-up and clean-up ---------------------------------------------------------------------

[[ $EUID -eq 0 ]] || die "run as root: the script reads the postgres user's /proc/PID/smaps_rollup"

need=()
[[ -x $PGBIN/postgres && -x $PGBIN/pgbench ]] || need+=(postgresql)
if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  need+=(redis-server)
fi
if ((${#need[@]})); then
  log "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}" >&2 \
    || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}" >&2; }
fi
id postgres >/dev/null 2>&1 || die "no postgres user (is the postgresql package installed?)"

WORK=$(mktemp -d /tmp/headroom-fidelity.XXXXXX)
chmod 755 "$WORK"
PGDIR=$WORK/pg
PGDATA=$PGDIR/data
REDIS_DIR=$WORK/redis
mkdir -p "$PGDIR" "$REDIS_DIR"
chown postgres: "$PGDIR"
SAMPLER_PID="" LOAD_PID="" VACUUM_PID="" REDIS_PID=""

cleanup() {
  local rc=$?
  set +e
  local pid
  for pid in "$SAMPLER_PID" "$LOAD_PID" "$VACUUM_PID"; do
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  if [[ -f $PGDATA/postmaster.pid ]]; then
    pg pg_ctl -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1
  fi
  if [[ -n $REDIS_PID ]] && kill -0 "$REDIS_PID" 2>/dev/null; then
    kill "$REDIS_PID"
    wait "$REDIS_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# pg TOOL ARGS...: a PostgreSQL server tool as the postgres user (the server refuses root)
pg() { (cd "$PGDIR" && runuser -u postgres -- "$PGBIN/$1" "${@:2}"); }
# sql TEXT: one statement's result, unaligned, no headers (clients run as root, -U postgres)
sql() { "$PGBIN/psql" -h "$PGDIR" -p "$PGPORT" -U postgres -X -q -A -t -v ON_ERROR_STOP=1 -d postgres -c "$1"; }

mib() { awk -v k="${1:-}" 'BEGIN { if (k == "" || k == "None") print "-"; else printf "%.1f", k / 1024 }'; }
seen() { if [[ -n ${1:-} ]]; then echo "$(mib "$1") MiB"; else echo "- (not running at any reading)"; fi; }

# read_json FILE: the file's figures into the associative array J ("peak.pss_kib" and so on)
declare -A J
read_json() {
  local key value
  J=()
  while IFS=$'\t' read -r key value; do J[$key]=$value; done < <("$PY" "$FIDELITY/pss.py" flat "$1")
}

# The sampler runs at real-time priority (SCHED_FIFO), else at nice -20: at normal priority, behind
# a hundred busy backends on two cores, one reading of 100 processes took 3 s rather than 0.13 s.
# It sleeps between readings, so it takes at most about two thirds of one core.
if chrt -f 10 true 2>/dev/null; then PRIORITY=(chrt -f 10); else PRIORITY=(nice -n -20); fi
start_sampler() { "${PRIORITY[@]}" "$PY" "$FIDELITY/pss.py" watch "$1" "$2" "$INTERVAL" & SAMPLER_PID=$!; }
reading() { "${PRIORITY[@]}" "$PY" "$FIDELITY/pss.py" once "$1" "$2"; }
stop_sampler() {
  kill -TERM "$SAMPLER_PID" 2>/dev/null || true # it may have ended already
  wait "$SAMPLER_PID" || true
  SAMPLER_PID=""
}

ROWS=()
DETAILS=()
row() {
  local out="|" cell
  for cell in "$@"; do out+=" $cell |"; done
  ROWS+=("$out")
}

# --- the machine -----------------------------------------------------------------------------

START=$SECONDS
echo "# Memory of PostgreSQL and Redis under load$( ((QUICK)) && echo ' (--quick: a smoke run)')"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)" \
  "RAM, kernel $(uname -r), $(awk -F= '$1 == "PRETTY_NAME" { gsub(/"/, "", $2); print $2 }' /etc/os-release)"
echo "- $("$PGBIN/postgres" --version)"
echo "- $(redis-server --version)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# --- PostgreSQL ------------------------------------------------------------------------------

log "initdb in $PGDATA"
pg initdb -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
echo "include_if_exists = 'fidelity.conf'" >>"$PGDATA/postgresql.conf"
cp "$FIDELITY"/*.sql "$PGDIR"/

pg_start() { pg pg_ctl -D "$PGDATA" -l "$PGDIR/server.log" -w -t 120 start >/dev/null; }
pg_stop() { pg pg_ctl -D "$PGDATA" -m fast -w -t 120 stop >/dev/null; }
postmaster() { head -1 "$PGDATA/postmaster.pid"; }

# pg_case ID DESCRIPTION CLIENTS SCALE NAME=VALUE...
pg_case() {
  local id=$1 what=$2 clients=$3 scale=$4
  shift 4
  local settings=("$@") rows=$SORT_ROWS
  ((rows <= 100000 * scale / 2)) || rows=$((100000 * scale / 2))
  log "PostgreSQL $id ($what): ${settings[*]}; scale $scale, $clients clients, ${PG_LOAD_S} s"

  {
    echo "listen_addresses = ''"
    echo "port = $PGPORT"
    echo "unix_socket_directories = '$PGDIR'"
    local s
    for s in "${settings[@]}"; do echo "${s%%=*} = '${s#*=}'"; done
  } >"$PGDATA/fidelity.conf"
  chown postgres: "$PGDATA/fidelity.conf"

  pg_start
  "$PGBIN/pgbench" -h "$PGDIR" -p "$PGPORT" -U postgres -i -s "$scale" -q postgres >"$PGDIR/init.log" 2>&1 \
    || { cat "$PGDIR/init.log" >&2; die "pgbench -i failed"; }
  "$PGBIN/psql" -h "$PGDIR" -p "$PGPORT" -U postgres -X -q -v ON_ERROR_STOP=1 -d postgres \
    -f "$PGDIR/setup.sql" >/dev/null
  pg_stop
  pg_start # fresh shared memory; the data files stay in the page cache
  sleep 2
  local pm
  pm=$(postmaster)
  reading "$pm" "$PGDIR/idle.json"

  local shown explain
  shown=$(sql "SELECT string_agg(name || '=' || current_setting(name), ' ' ORDER BY ord)
    FROM unnest(ARRAY['shared_buffers','wal_buffers','work_mem','max_connections',
      'maintenance_work_mem','autovacuum_max_workers']) WITH ORDINALITY AS t(name, ord)")
  explain=$(sql "EXPLAIN (ANALYZE, COSTS OFF) SELECT aid, abalance FROM pgbench_accounts
      WHERE aid BETWEEN 1 AND $rows ORDER BY abalance, filler OFFSET $rows - 10" \
    | grep -E 'Sort Method|Workers Launched' | sed 's/^ *//; s/  */ /g' | paste -sd';' - | sed 's/;/; /g' || true)
  sql "SELECT pg_prewarm('pgbench_accounts') + pg_prewarm('pgbench_accounts_pkey')" >/dev/null

  start_sampler "$pm" "$PGDIR/load.json"
  "$PGBIN/pgbench" -h "$PGDIR" -p "$PGPORT" -U postgres -n -c "$clients" -j 2 -T 3600 \
    -s "$scale" -D rows="$rows" -f "$PGDIR/tpcb.sql@9" -f "$PGDIR/sort.sql@1" -P 5 postgres \
    >"$PGDIR/pgbench.log" 2>&1 &
  LOAD_PID=$!
  local third=$((PG_LOAD_S / 3)) t0=$SECONDS
  sleep "$third"
  "$PGBIN/psql" -h "$PGDIR" -p "$PGPORT" -U postgres -X -q -d postgres \
    -c '\timing on' -c "VACUUM (VERBOSE) pgbench_accounts" >"$PGDIR/vacuum.log" 2>&1 &
  VACUUM_PID=$!
  sleep $((PG_LOAD_S - third))
  stop_sampler
  local load_s=$((SECONDS - t0))
  local tpcb sorts_mixed sorts_all
  sorts_mixed=$(sql "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM fidelity_sorts")
  tpcb=$(sql "SELECT count(*) FROM pgbench_history")

  # every client sorting at once: the case shared_buffers + connections x work_mem stands for
  start_sampler "$pm" "$PGDIR/burst.json"
  sql "UPDATE fidelity_phase SET phase = 2" >/dev/null
  sleep "$PG_BURST_S"
  stop_sampler
  sql "UPDATE fidelity_phase SET phase = 0" >/dev/null
  sorts_all=$(sql "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM fidelity_sorts")
  sorts_all=$((sorts_all - sorts_mixed))

  # let the running transactions and sorts finish; the clients then idle, connections open
  local waited=0
  while (($(sql "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'
      AND state = 'active' AND pid <> pg_backend_pid() AND query NOT LIKE 'SELECT phase%'
      AND query NOT LIKE 'VACUUM%'") > 0 && waited < 180)); do
    sleep 1
    waited=$((waited + 1))
  done
  sleep 2
  reading "$pm" "$PGDIR/after.json"
  local connected
  connected=$(sql "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")
  local load_alive=yes
  kill -0 "$LOAD_PID" 2>/dev/null || load_alive=no
  kill -TERM "$LOAD_PID" 2>/dev/null || true # (SIGINT is ignored by background jobs)
  wait "$LOAD_PID" || true
  LOAD_PID=""
  wait "$VACUUM_PID" || true
  VACUUM_PID=""

  # maintenance_work_mem where it is a budget that fills: an index build's sort
  start_sampler "$pm" "$PGDIR/index.json"
  local i0=$SECONDS
  sql "CREATE INDEX fidelity_idx ON pgbench_accounts (abalance, filler)" >/dev/null
  local index_s=$((SECONDS - i0))
  sleep 0.5
  stop_sampler
  pg_stop

  read_json "$PGDIR/idle.json"
  local idle=${J[pss_kib]:-} idle_fp=${J[footprint_kib]:-}
  read_json "$PGDIR/after.json"
  local after=${J[pss_kib]:-} after_med=${J[client_pss_median_kib]:-} after_anon=${J[client_anon_median_kib]:-}
  read_json "$PGDIR/index.json"
  local index_anon=${J[max_anon_sum_kib.maintenance]:-} index_leader=${J[max_anon_kib.create_index]:-}
  local index_worker=${J[max_anon_kib.parallel_worker]:-}
  local index_peak=${J[peak.pss_kib]:-} index_fp=${J[peak_footprint.footprint_kib]:-}

  local -A M B
  local k
  read_json "$PGDIR/load.json"
  for k in "${!J[@]}"; do M[$k]=${J[$k]}; done
  read_json "$PGDIR/burst.json"
  for k in "${!J[@]}"; do B[$k]=${J[$k]}; done
  # the table's processes and backend figures are those of the higher of the two peaks
  local top=mixed
  if ((${B[peak.pss_kib]:-0} > ${M[peak.pss_kib]:-0})); then top=all; fi
  if [[ $top == all ]]; then read_json "$PGDIR/burst.json"; else read_json "$PGDIR/load.json"; fi
  local footprint=${M[peak_footprint.footprint_kib]:-0}
  if ((${B[peak_footprint.footprint_kib]:-0} > footprint)); then footprint=${B[peak_footprint.footprint_kib]}; fi

  row PostgreSQL "$id $what" "${settings[*]}" "$clients" "$(mib "$idle")" "$(mib "${M[peak.pss_kib]:-}")" \
    "$(mib "${B[peak.pss_kib]:-}")" "$(mib "$after")" "$(mib "$footprint")" "${J[peak.procs]:-}" \
    "$(mib "${J[peak.client_pss_median_kib]:-}") ($(mib "${J[peak.client_anon_median_kib]:-}"))" \
    "-" "$(model_range postgres "$clients" "${settings[@]}")"

  local vac_line vacuum_s
  vac_line=$(sed 's/^[A-Z]*: *//' "$PGDIR/vacuum.log" | grep -E '^(index scans|tuples):' | paste -sd';' - || true)
  vacuum_s=$(awk '/^Time:/ { printf "%.1f", $2 / 1000 }' "$PGDIR/vacuum.log")
  DETAILS+=("**PostgreSQL $id** ($what), pgbench scale $scale, $clients clients; mixed load ${load_s} s, then all clients sorting ${PG_BURST_S} s" \
    "- server ran with: $shown" \
    "- sort of $rows rows (EXPLAIN ANALYZE, alone): $explain" \
    "- mixed load: $tpcb TPC-B transactions and $sorts_mixed sorts started (weights 9:1); all sorting: $sorts_all sorts started; pgbench still running at the end: $load_alive")
  local phase others
  for phase in mixed all; do
    if [[ $phase == all ]]; then read_json "$PGDIR/burst.json"; else read_json "$PGDIR/load.json"; fi
    others=""
    while IFS= read -r k; do
      if [[ $k == peak.other_kinds.* ]]; then others+="${others:+, }${k#peak.other_kinds.} ${J[$k]}"; fi
    done < <(printf '%s\n' "${!J[@]}" | sort)
    DETAILS+=("- $( [[ $phase == all ]] && echo "all clients sorting" || echo "mixed load"): peak PSS $(mib "${J[peak.pss_kib]:-}") MiB at ${J[peak.at_s]:-} s = $(mib "${J[peak.anon_kib]:-}") anonymous + $(mib "${J[peak.shmem_pss_kib]:-}") shared memory + the rest file-backed (binary, libraries); shared memory allocated then $(mib "${J[peak.shm_kib]:-}") MiB; ${J[peak.procs]:-} processes, ${J[peak.clients]:-} client backends; peak footprint $(mib "${J[peak_footprint.footprint_kib]:-}") MiB" \
      "  - other processes at that peak: $others" \
      "  - client backends at that peak: PSS median $(mib "${J[peak.client_pss_median_kib]:-}") MiB, anonymous median $(mib "${J[peak.client_anon_median_kib]:-}") MiB, largest anonymous $(mib "${J[peak.client_anon_max_kib]:-}") MiB; all clients' anonymous at one reading at most $(mib "${J[max_anon_sum_kib.client]:-}") MiB; sampler: ${J[samples]:-} readings in ${J[seconds]:-} s (one per ${J[mean_interval_s]:-} s)")
  done
  read_json "$PGDIR/load.json"
  DETAILS+=("- idle after start: PSS $(mib "$idle") MiB, footprint $(mib "$idle_fp") MiB" \
    "- after the load, $connected connections open and idle: PSS $(mib "$after") MiB, client PSS median $(mib "$after_med") MiB (anonymous $(mib "$after_anon") MiB)" \
    "- VACUUM pgbench_accounts during the mixed load: ${vacuum_s:-?} s, backend anonymous at most $(seen "${J[max_anon_kib.vacuum]:-}"); an autovacuum worker at most $(seen "${J[max_anon_kib.autovacuum_worker]:-}"); ${vac_line:-no VERBOSE output}" \
    "- CREATE INDEX on (abalance, filler) after the load: ${index_s} s, anonymous at most $(mib "$index_anon") MiB for leader and workers at one reading ($(mib "$index_leader") MiB the leader, $(mib "$index_worker") MiB a parallel worker), server PSS then $(mib "$index_peak") MiB (footprint $(mib "$index_fp") MiB)" \
    "")
  if grep -qiE 'error|abort|fatal' "$PGDIR/pgbench.log"; then
    DETAILS+=("- pgbench reported: $(grep -m3 -iE 'error|abort|fatal' "$PGDIR/pgbench.log" | tr '\n' ' ')" "")
  fi
}

# max_connections less 2: the connections the script itself needs during the load (VACUUM and
# its own queries)
pg_case A "stock" 98 "$PG_SCALE_SMALL" \
  shared_buffers=128MB work_mem=4MB maintenance_work_mem=64MB max_connections=100
pg_case B "Raspberry Pi" 18 "$PG_SCALE_SMALL" \
  shared_buffers=16MB wal_buffers=4MB work_mem=2MB maintenance_work_mem=16MB max_connections=20 \
  effective_cache_size=128MB
pg_case C "seed 002" 40 "$PG_SCALE_LARGE" \
  shared_buffers=256MB work_mem=16MB maintenance_work_mem=256MB wal_buffers=16MB max_connections=200

# --- Redis -----------------------------------------------------------------------------------

redis() { redis-cli -p "$REDIS_PORT" "$@"; }
info() { redis INFO "$1" | tr -d '\r' | awk -F: -v k="$2" '$1 == k { print $2 }'; }

# redis_case ID DESCRIPTION FILL NAME=VALUE...   FILL: "evict N KEYSPACE" or "fixed KEYS N"
redis_case() {
  local id=$1 what=$2 fill=$3
  shift 3
  local settings=("$@") args=() s
  for s in "${settings[@]}"; do args+=("--${s%%=*}" "${s#*=}"); done
  log "Redis $id ($what): ${settings[*]:-no maxmemory}; $fill"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$REDIS_DIR" \
    --logfile "$REDIS_DIR/redis.log" "${args[@]}" &
  REDIS_PID=$!
  local tries=0
  until redis PING >/dev/null 2>&1; do
    ((++tries < 100)) || die "redis-server did not start"
    sleep 0.1
  done
  sleep 1
  reading "$REDIS_PID" "$REDIS_DIR/idle.json"

  local mode count keys
  read -r mode count keys <<<"$fill"
  start_sampler "$REDIS_PID" "$REDIS_DIR/load.json"
  local t0=$SECONDS
  if [[ $mode == fixed ]]; then
    # exactly COUNT keys named as redis-benchmark names them, then overwrites and reads of them
    awk -v n="$count" -v size="$REDIS_VALUE" 'BEGIN {
      v = sprintf("%*s", size, ""); gsub(/ /, "x", v)
      for (i = 0; i < n; i++) {
        k = sprintf("key:%012d", i)
        printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, size, v
      }
    }' | redis --pipe >"$REDIS_DIR/fill.log"
    redis-benchmark -p "$REDIS_PORT" -t set,get -r "$count" -d "$REDIS_VALUE" -n "$keys" \
      -c "$REDIS_CLIENTS" -P "$REDIS_PIPELINE" -q >"$REDIS_DIR/bench.log" 2>&1
  else
    redis-benchmark -p "$REDIS_PORT" -t set -r "$keys" -d "$REDIS_VALUE" -n "$count" \
      -c "$REDIS_CLIENTS" -P "$REDIS_PIPELINE" -q >"$REDIS_DIR/bench.log" 2>&1
  fi
  local load_s=$((SECONDS - t0))
  stop_sampler
  sleep 1
  reading "$REDIS_PID" "$REDIS_DIR/after.json"
  local used rss frag peak_used evicted dbsize maxmem policy
  used=$(info memory used_memory)
  rss=$(info memory used_memory_rss)
  frag=$(info memory mem_fragmentation_ratio)
  peak_used=$(info memory used_memory_peak)
  maxmem=$(info memory maxmemory)
  policy=$(info memory maxmemory_policy)
  evicted=$(info stats evicted_keys)
  dbsize=$(redis DBSIZE)
  redis SHUTDOWN NOSAVE >/dev/null 2>&1 || true
  wait "$REDIS_PID" || true
  REDIS_PID=""

  read_json "$REDIS_DIR/idle.json"
  local idle=${J[pss_kib]:-}
  read_json "$REDIS_DIR/after.json"
  local after=${J[pss_kib]:-}
  read_json "$REDIS_DIR/load.json"
  local rates
  rates=$(tr '\r' '\n' <"$REDIS_DIR/bench.log" | grep -E '^[A-Z]+: [0-9.]+ requests per second' \
    | sed 's/ requests per second.*/ ops\/s/' | paste -sd, - | sed 's/,/, /g' || true)
  row Redis "$id $what" "${settings[*]:-no maxmemory}" "$REDIS_CLIENTS" "$(mib "$idle")" \
    "$(mib "${J[peak.pss_kib]:-}")" "-" "$(mib "$after")" "$(mib "${J[peak_footprint.footprint_kib]:-}")" \
    "${J[peak.procs]:-}" "-" "$(mib $((used / 1024))) / $frag" \
    "$(model_range redis "$REDIS_CLIENTS" "${settings[@]}")"
  DETAILS+=("**Redis $id** ($what), $REDIS_CLIENTS clients, pipeline $REDIS_PIPELINE, ${REDIS_VALUE}-byte values, load ${load_s} s" \
    "- load: $fill ($rates)" \
    "- INFO: maxmemory $(mib $((maxmem / 1024))) MiB ($policy), used_memory $(mib $((used / 1024))) MiB, used_memory_peak $(mib $((peak_used / 1024))) MiB, used_memory_rss $(mib $((rss / 1024))) MiB, mem_fragmentation_ratio $frag, evicted_keys $evicted, keys $dbsize" \
    "- PSS: idle $(mib "$idle") MiB, peak $(mib "${J[peak.pss_kib]:-}") MiB at ${J[peak.at_s]:-} s ($(mib "${J[peak.anon_kib]:-}") anonymous), after the load (clients gone) $(mib "$after") MiB" \
    "- sampler: ${J[samples]:-} readings in ${J[seconds]:-} s (one per ${J[mean_interval_s]:-} s)" \
    "")
}

redis_case R1 "64 MB, evicting" "evict $REDIS_N_64 $((REDIS_N_64 * 2))" maxmemory=64mb maxmemory-policy=allkeys-lru
redis_case R2 "256 MB, evicting" "evict $REDIS_N_256 $((REDIS_N_256 * 2))" maxmemory=256mb maxmemory-policy=allkeys-lru
# no maxmemory: the model is given no setting (the data set's size is not a setting)
redis_case R3 "100k keys of 1 KiB" "fixed $REDIS_KEYS $REDIS_N_FIXED"

# --- the report ------------------------------------------------------------------------------

echo "| runtime | case | settings | clients | idle PSS MiB | peak PSS MiB | peak PSS MiB, all clients sorting | after load PSS MiB | peak footprint MiB | processes at peak | backend PSS median MiB (anonymous) | used_memory MiB / fragmentation | model (MiB) |"
echo "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "PSS: the sum of Pss in /proc/PID/smaps_rollup over the server's processes (PostgreSQL: the" \
  "postmaster and all its descendants), peak of readings every ${INTERVAL} s. Footprint: the same less" \
  "shared-memory PSS, plus every page allocated in the shared-memory segments (counted once," \
  "whether or not a live process maps it). After load: PostgreSQL with the clients' connections" \
  "still open and idle; Redis after the clients disconnected. PostgreSQL load: pg_prewarm of" \
  "pgbench_accounts and its key, then pgbench's TPC-B transaction and a ${SORT_ROWS}-row sort, 9:1" \
  "(peak PSS), then every client running the sort (all clients sorting). Processes and backends at" \
  "the higher of the two peaks."
echo
printf '%s\n' "${DETAILS[@]}"
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg); run time $((SECONDS - START)) s"
