#!/usr/bin/env bash
# Startup time and peak memory of headroom's common commands against `java -version`, measured
# alternately in one run so that the machine's load falls on every case alike.
#
# Usage: bench/startup.sh [ROUNDS]     (default 21)
#
# Each round runs every case once, in turn: `java -version`; `java -jar target/headroom.jar plan`
# with no flags (the plain jar); `bin/headroom plan --host pi-zero-2w --agents 2`; `bin/headroom
# check` on a 30-service compose file; `bin/headroom report --hosts all`. Wall time comes from
# date +%s%N around the run, peak RSS from GNU time. Prints, per case, the median and the spread
# (min..max) of the wall time, its ratio to the median of `java -version`, and the median peak RSS.
# The launcher's archive is made before the first round, so no round pays for it.
set -euo pipefail

ROUNDS=${1:-21}
HERE=$(cd "$(dirname "$0")/.." && pwd)
cd "$HERE"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# 30 services, as a mid-sized project writes them
{
  echo "services:"
  for i in $(seq 1 30); do
    printf '  svc%d:\n    image: registry.example.com/team/svc%d:1.0\n    mem_limit: 256m\n' "$i" "$i"
    printf '    mem_reservation: 128m\n    cpus: "0.25"\n    environment:\n      LOG_LEVEL: info\n'
    [ "$i" -gt 1 ] && printf '    depends_on: [svc%d]\n' $((i - 1))
  done
} >"$WORK/compose.yaml"

bin/headroom hosts >/dev/null # builds the jar if needed, and makes the archive

CASES=("java -version" "plain jar: plan" "plan" "check, 30 services" "report --hosts all")
cmd() {
  case $1 in
    0) CMD=("$JAVA" -version) ;;
    1) CMD=("$JAVA" -jar target/headroom.jar plan --host pi-zero-2w --agents 2) ;;
    2) CMD=(bin/headroom plan --host pi-zero-2w --agents 2) ;;
    3) CMD=(bin/headroom check -f "$WORK/compose.yaml" --host dev-15gb) ;;
    4) CMD=(bin/headroom report --hosts all) ;;
  esac
}

for r in $(seq 1 "$ROUNDS"); do
  for c in "${!CASES[@]}"; do
    cmd "$c"
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$WORK/rss" "${CMD[@]}" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo "$c $(((end - start) / 1000000)) $(tail -1 "$WORK/rss")" >>"$WORK/samples"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
base=$(awk '$1 == 0 {print $2}' "$WORK/samples" | median)
echo "rounds: $ROUNDS, $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1)"
echo
echo "| case | median wall time | min..max | × java -version | median peak RSS |"
echo "|---|--:|--:|--:|--:|"
for c in "${!CASES[@]}"; do
  med=$(awk -v c="$c" '$1 == c {print $2}' "$WORK/samples" | median)
  lo=$(awk -v c="$c" '$1 == c {print $2}' "$WORK/samples" | sort -n | head -1)
  hi=$(awk -v c="$c" '$1 == c {print $2}' "$WORK/samples" | sort -n | tail -1)
  rss=$(awk -v c="$c" '$1 == c {print $3}' "$WORK/samples" | median)
  ratio=$(awk -v m="$med" -v b="$base" 'BEGIN {printf "%.1f", m / b}')
  printf '| %s | %d ms | %d..%d ms | %s | %d MiB |\n' "${CASES[$c]}" "$med" "$lo" "$hi" "$ratio" $((rss / 1024))
done
