#!/usr/bin/env bash
# The least heap each command runs in, on the built-in catalog and on generated files at the node
# cap, and a run of each with -Xmx64m: the table of docs/security.md ("Memory").
#
# Usage: bench/memory.sh [JAR]     (default: target/headroom.jar, built with mvn package)
#
# Prints one markdown row per case: the command, the least -Xmx it runs in (bisection in 4 MiB
# steps between 4 and 128 MiB; a run fails when it exits 3 or says it ran out of memory), and the
# exit code and peak RSS of a run with -Xmx64m. The generated files go to a temporary directory,
# removed on exit. Needs java, python3 and GNU time (/usr/bin/time).
set -euo pipefail

HERE=$(cd "$(dirname "$0")/.." && pwd)
JAR=$(cd "$HERE" && realpath "${1:-target/headroom.jar}")
[ -f "$JAR" ] || { echo "no $JAR: run mvn package first" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

python3 - "$HERE" <<'EOF'
import os, sys
here = sys.argv[1]
def write(name, text):
    os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
    with open(name, 'w') as f:
        f.write(text)
N = 99_000
write('at-cap.yaml', 'services:\n' + ''.join(f'  s{i}:\n    image: nginx:1.25\n    mem_limit: 16m\n' for i in range(16_500)))
write('envlist.yaml', 'services:\n  a:\n    image: x\n    mem_limit: 16m\n    environment:\n'
      + ''.join(f'      - K{i}=v{i}\n' for i in range(N - 10)))
write('envmap.yaml', 'services:\n  a:\n    image: x\n    mem_limit: 16m\n    environment:\n'
      + ''.join(f'      K{i}: v{i}\n' for i in range((N - 10) // 2)))
write('xlist.yaml', 'x-data: [' + ','.join(str(i) for i in range(N - 10)) + ']\nservices:\n  a:\n    image: x\n    mem_limit: 16m\n')
write('ports.yaml', 'services:\n' + ''.join(f'  s{i}:\n    image: x\n    mem_limit: 16m\n    ports:\n'
      + ''.join(f'      - "{8000 + j}:{80 + j}"\n' for j in range(40)) for i in range(2000)))
write('merges.yaml', 'x-common: &c\n' + ''.join(f'  label{k}: value{k}\n' for k in range(48)) + 'services:\n'
      + ''.join(f'  s{i}:\n    labels:\n      <<: *c\n      own: x\n    image: x\n    mem_limit: 16m\n' for i in range(1000)))
write('real.yaml', 'services:\n  svc0:\n    image: x\n    mem_limit: 256m\n' + ''.join(
      f'  svc{i}:\n    image: registry.example.com/team/svc{i}:1.{i}\n    mem_limit: 256m\n    mem_reservation: 128m\n'
      f'    cpus: "0.5"\n    environment:\n      LOG_LEVEL: info\n      PORT: "80{i % 100:02d}"\n    depends_on: [svc{i - 1}]\n'
      for i in range(1, 4900)))
write('scalar.yaml', 'services:\n  a:\n    image: "' + 'x' * (5 * 1024 * 1024 - 60) + '"\n    mem_limit: 16m\n')
write('over-cap.yaml', 'services:\n' + ''.join(f'  s{i}:\n    image: x\n    mem_limit: 1m\n' for i in range(84_000)))
write('template.yaml', 'services:\n  agent{AGENT_NUMBER}:\n    image: registry.example.com/agent:1.0\n    mem_limit: 64m\n'
      '    mem_reservation: 32m\n    cpus: 0.25\n    environment:\n      AGENT_ID: "{AGENT_NUMBER}"\n      LOG_LEVEL: info\n'
      '  db:\n    image: postgres:16\n    mem_limit: 512m\n')
write('wide/stack.yaml', 'kind: stack\nid: wide\nper_agent:\n' + ''.join(f'  - svc-{i}\n' for i in range(N)))
write('wide/svc.yaml', 'kind: service\nid: svc-a\nmemory: 1KiB\n')
write('many/stack.yaml', 'kind: stack\nid: many\nper_agent: [svc-a]\nscenarios:\n'
      + ''.join(f'  s{i}:\n    description: scenario {i}\n    replace: {{svc-a: svc-b}}\n' for i in range(12_000)))
write('many/svc.yaml', 'kind: service\nid: svc-a\nmemory: 1KiB\n')
write('many/svcb.yaml', 'kind: service\nid: svc-b\nmemory: 2KiB\n')
otel = os.path.join(here, '..', 'shared', 'corpus', 'compose', 'open-telemetry__opentelemetry-demo@054282e', 'compose.yaml')
if os.path.exists(otel):
    write('otel.yaml', open(otel).read())
EOF

measure() {
  local lo=4 hi=128 mid rc
  while [ $((hi - lo)) -gt 4 ]; do
    mid=$(((lo + hi) / 2))
    rc=0
    java -Xmx${mid}m -jar "$JAR" "$@" >/dev/null 2>err.txt || rc=$?
    if [ $rc -eq 3 ] || grep -qE "memory this JVM|OutOfMemory|Too small|Error occurred" err.txt; then lo=$mid; else hi=$mid; fi
  done
  rc=0
  /usr/bin/time -f "%M" -o rss.txt java -Xmx64m -jar "$JAR" "$@" >/dev/null 2>err.txt || rc=$?
  echo "| \`$*\` | $hi MiB | exit $rc, $(($(tail -1 rss.txt) / 1024)) MiB RSS | $(grep -v '^$' err.txt | head -1 | cut -c1-90) |"
}

echo "| command | least heap | with -Xmx64m | first line of stderr |"
echo "|---|--:|---|---|"
measure plan --host pi-zero-2w --agents 2
measure plan --host pi-zero-2w --agents 2 --risk --samples 1000000
measure matrix --hosts all
measure report --hosts all
measure advise --host pi-zero-2w
measure tune postgres --limit 1GiB
measure validate
measure hosts
[ -f otel.yaml ] && measure check -f otel.yaml --host dev-15gb
measure check -f template.yaml --host dev-15gb --agents 6000
for f in at-cap envlist envmap xlist ports merges real scalar over-cap; do
  measure check -f $f.yaml --host dev-15gb
done
measure --catalog wide validate
measure --catalog many plan --stack many --host pi-zero-2w --agents 2
measure --catalog many advise --stack many --host pi-zero-2w
