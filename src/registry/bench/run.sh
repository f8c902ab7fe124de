#!/bin/sh
# Measures the packaged registry from outside its JVM: PostgreSQL and Kafka in a JVM of their own
# (BenchStack.java), the service from target/quarkus-app, load from wrk (register.lua).
#   sh src/registry/bench/run.sh start [app-dir]   starts stack and service, prints their pids
#   wrk -t2 -c32 -d20s --timeout 10s -s src/registry/bench/register.lua --latency http://127.0.0.1:18081
#   wrk -t2 -c32 -d10s --latency http://127.0.0.1:18081/q/health/live     (the reference)
# SQL per registration: python3 src/registry/bench/pgcount.py 45999 $PGPORT (a counting proxy), a
# service started with PGPORT and the JDBC URL of $BENCH_WORK/stack.env pointed at 45999 and
# MUSTER_OUTBOX_RELAY_ENABLED=false; a few registrations to warm up, kill -USR1 (reset), one
# registration, kill -USR1 (prints executes, syncs = round trips, and the SQL parsed).
# BENCH_WORK (default /tmp/registry-bench) holds logs and stack.env; PORT (18081) the service's;
# REUSE_STACK=1 starts only a service, against the stack already running there.
# Build first: ./mvnw -o -q -f src/registry/pom.xml package -DskipTests; stop by the printed pids.
set -e
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=${BENCH_WORK:-/tmp/registry-bench}
app=${2:-$root/src/registry/target/quarkus-app}
mkdir -p "$work"
case "$1" in
start)
  cp="$root/src/devstack/target/classes:$(cat "$root/src/devstack/target/classpath.txt")"
  if [ -z "$REUSE_STACK" ]; then
  rm -f "$work/stack.env"
  setsid nohup java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -Dlogging.configuration="file:$root/src/registry/bench/stack-logging.properties" -cp "$cp" "$root/src/registry/bench/BenchStack.java" "$work/stack.env" > "$work/stack.log" 2>&1 &
  echo "stack pid $!"
  fi
  while [ ! -s "$work/stack.env" ]; do sleep 1; done
  set -a; . "$work/stack.env"; set +a
  QUARKUS_OIDC_AUTH_SERVER_URL=${QUARKUS_OIDC_AUTH_SERVER_URL:-http://127.0.0.1:1/realms/muster} \
  MUSTER_SELF_SERVICE_SIGNING_KEY=bench-signing-key-not-for-production \
  MUSTER_PUBLIC_RATE_LIMIT_REQUESTS=100000000 \
  QUARKUS_HTTP_PORT=${PORT:-18081} \
    setsid nohup java ${JAVA_OPTS:-} -jar "$app/quarkus-run.jar" > "$work/service.log" 2>&1 &
  echo "service pid $!"
  n=0; until curl -sf "http://127.0.0.1:${PORT:-18081}/q/health/live" > /dev/null; do n=$((n+1)); [ $n -lt 120 ] || { echo "service did not start, see $work/service.log"; exit 1; }; sleep 1; done
  echo "service ready on ${PORT:-18081}"
  ;;
*)
  echo "usage: $0 start [app-dir]"; exit 2 ;;
esac
