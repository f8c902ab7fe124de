#!/bin/sh
# CPU time per registration of each process: the service JVM (pid given), the PostgreSQL backends
# and the JVM holding Kafka (BenchStack), read from /proc before and after a wrk run.
# usage: sh src/registry/bench/cpu.sh <service-pid> <seconds>   (PORT: the service, default 18081)
svc=$1; dur=$2
tick=$(getconf CLK_TCK)
snapx() { for p in $(pgrep -x "$1"); do awk '{print $14+$15}' /proc/$p/stat 2>/dev/null; done | awk '{s+=$1} END{print s+0}'; }
snap() { for p in $(pgrep -f "$1"); do awk '{print $14+$15}' /proc/$p/stat 2>/dev/null; done | awk '{s+=$1} END{print s+0}'; }
s0=$(awk '{print $14+$15}' /proc/$svc/stat); p0=$(snapx postgres); k0=$(snap BenchStack.java)
wrk -t2 -c32 -d${dur}s --timeout 10s -s "$(dirname "$0")/register.lua" --latency http://127.0.0.1:${PORT:-18081} > "${TMPDIR:-/tmp}/wrk.out" 2>&1
s1=$(awk '{print $14+$15}' /proc/$svc/stat); p1=$(snapx postgres); k1=$(snap BenchStack.java)
req=$(awk '/requests in/{print $1}' "${TMPDIR:-/tmp}/wrk.out")
grep -E "Requests/sec|50%|99%|Non-2xx" "${TMPDIR:-/tmp}/wrk.out"
echo "requests $req"
awk -v s=$((s1-s0)) -v p=$((p1-p0)) -v k=$((k1-k0)) -v t=$tick -v r=$req 'BEGIN{printf "cpu ms per request: service %.2f  postgres %.2f  stack(kafka+pg launcher) %.2f\n", 1000*s/t/r, 1000*p/t/r, 1000*k/t/r}'
