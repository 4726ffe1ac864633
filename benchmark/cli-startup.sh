#!/bin/bash
# CLI start-up (issue 15, Fix first 4): how long `gatehouse --version`, `--help` and `open` take end
# to end against `java -version`, and where `open`'s time goes, from the JVM's own class-loading log
# (-Xlog:class+load with uptime stamps: the first class of each library marks when its work began).
#   benchmark/cli-startup.sh [RUNS]        (default 5 runs of each; GATEHOUSE_JAR=path times another build than bootstrap/target/gatehouse.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAR=${GATEHOUSE_JAR:-$PWD/bootstrap/target/gatehouse.jar}
[ -f "$JAR" ] || ./mvnw -B -q -pl bootstrap -am package -DskipTests
WORK=$(mktemp -d /tmp/gatehouse-cli-startup.XXXXXX)
SIM_PID=
SERVE_PID=
cleanup() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
  [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null || true
  if [ -f "$WORK/data/pg/postmaster.pid" ]; then
    pg=$(head -1 "$WORK/data/pg/postmaster.pid")
    if kill -0 "$pg" 2>/dev/null; then echo "stopping a leftover PostgreSQL ($pg)" >&2; kill -INT "$pg"; sleep 3; fi
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

java -cp "$JAR" dev.gatehouse.duosim.Main --port 0 --cert-out "$WORK/ca.pem" > "$WORK/sim.out" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 300); do grep -q apiHostname "$WORK/sim.out" 2>/dev/null && break; sleep 0.1; done
READY=$(grep apiHostname "$WORK/sim.out")
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$READY" "$1"; }
HOST=$(field apiHostname); IKEY=$(field integrationKey); export GATEHOUSE_DUO_SECRET_KEY=$(field secretKey)
# One user whose pushes are approved at once (the plain users call: older simulators have no bulk call).
curl -sfk -X POST "https://$HOST/_sim/users" \
  -d '{"username":"cli00001","devices":[{"type":"phone","capabilities":["auto","push"],"push":"approve"}]}' > /dev/null

G=(java -jar "$JAR" --data-dir "$WORK/data" --duo-ca-file "$WORK/ca.pem")
"${G[@]}" --user=cliadmin user add cliadmin > /dev/null
"${G[@]}" --user=cliadmin user add cli00001 > /dev/null
"${G[@]}" --user=cliadmin workspace create clibench > /dev/null
"${G[@]}" --user=cliadmin workspace add-member clibench cli00001 > /dev/null
"${G[@]}" --user=cliadmin duo configure clibench --api-hostname "$HOST" --integration-key "$IKEY" > /dev/null
DEVICE=$("${G[@]}" --user=cli00001 duo devices clibench --json | python3 -c "import json,sys; print(json.load(sys.stdin)['devices'][0]['id'])")
"${G[@]}" --user=cli00001 duo use-device clibench "$DEVICE" --method push > /dev/null 2>&1

# median wall seconds of RUNS runs of a command
median() {
  local times=()
  for _ in $(seq 1 "$RUNS"); do
    local s=$(date +%s%N)
    "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    times+=($(( ($(date +%s%N) - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.2f s (runs: ", m/1000} '
  printf '%s ' "${times[@]}" | sed 's/ $//' | tr ' ' ','; echo " ms)"
}

echo "| command | median |"
echo "|---|---:|"
echo "| \`java -version\` | $(median java -version) |"
echo "| \`gatehouse --version\` | $(median java -jar "$JAR" --version) |"
echo "| \`gatehouse --help\` | $(median java -jar "$JAR" --help) |"
echo "| \`gatehouse open\` (starts and stops the embedded PostgreSQL) | $(median "${G[@]}" --user=cli00001 open clibench) |"
# The launcher adds its JVM flags for short commands (the first JIT tier only); it runs bootstrap/target/gatehouse.jar.
L=(./gatehouse --data-dir "$WORK/data" --duo-ca-file "$WORK/ca.pem")
# The first short command after a build writes the launcher's class-data-sharing archive (not timed).
"${L[@]}" --user=cli00001 duo devices clibench > /dev/null
echo "| \`./gatehouse open\` (the launcher; starts and stops the embedded PostgreSQL) | $(median "${L[@]}" --user=cli00001 open clibench) |"
java -Xmx512m -jar "$JAR" --data-dir "$WORK/data" --duo-ca-file "$WORK/ca.pem" serve --port 0 > "$WORK/serve.out" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 600); do grep -q "REST API" "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
echo "| \`gatehouse open\` (joins the PostgreSQL that serve runs) | $(median "${G[@]}" --user=cli00001 open clibench) |"
echo "| \`./gatehouse open\` (the launcher; joins the PostgreSQL that serve runs) | $(median "${L[@]}" --user=cli00001 open clibench) |"
echo "| \`./gatehouse --version\` (the launcher) | $(median ./gatehouse --version) |"

# Where one open's time goes (joining serve's PostgreSQL): first class of each library, by JVM uptime.
java -Xlog:class+load:file="$WORK/classes.log":uptime -jar "$JAR" --data-dir "$WORK/data" --duo-ca-file "$WORK/ca.pem" \
  --user=cli00001 open clibench > "$WORK/open.out" 2>&1 || { echo "open exited $?:" >&2; cat "$WORK/open.out" >&2; }
echo
echo "One \`open\` joining serve's PostgreSQL, by JVM uptime (first class loaded of each part; classes loaded):"
echo
python3 - "$WORK/classes.log" <<'PY'
import re, sys
groups = [("picocli (command line)", "picocli."), ("Logback", "ch.qos.logback."), ("Guice injector", "com.google.inject."),
          ("embedded PostgreSQL (zonky)", "io.zonky."), ("JDBC driver", "org.postgresql."), ("HikariCP", "com.zaxxer.hikari."),
          ("Flyway", "org.flywaydb."), ("Jackson", "com.fasterxml.jackson."), ("Feign / Duo adapter", "feign."),
          ("JDK HTTP client (Duo calls)", "jdk.internal.net.http."), ("Gatehouse", "dev.gatehouse.")]
first, count, last = {}, {}, 0.0
for line in open(sys.argv[1]):
    m = re.match(r"\[([\d.]+)s\].*? ([\w.$]+) source", line)
    if not m: continue
    t, cls = float(m.group(1)), m.group(2); last = t
    for name, prefix in groups:
        if cls.startswith(prefix):
            first.setdefault(name, t); count[name] = count.get(name, 0) + 1
print("| part | starts at | classes |"); print("|---|---:|---:|")
for name, t in sorted(first.items(), key=lambda kv: kv[1]):
    print(f"| {name} | {t:.2f} s | {count[name]} |")
total = sum(1 for l in open(sys.argv[1]) if " source" in l)
print(f"| last class loaded | {last:.2f} s | {total} in all |")
PY
