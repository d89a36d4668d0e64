#!/usr/bin/env bash
# The restart benchmark (make bench, #16): how fast a replica is back and how much memory it holds idle, beside the
# smallest Quarkus REST application (bench/minimal-app, same platform BOM) built and started in the same run on the
# same machine. Measured for each, alternating, BENCH_RESTARTS times (default 5), medians:
#   - ready: from the JVM's start (the fork) to the first 200 of its readiness URL (Tsunagu: /q/health/ready, which
#     checks the database; the minimal app: its one endpoint), polled every 20 ms;
#   - idle RSS: VmRSS of the process 10 s after it became ready, with nothing asking it anything.
# Tsunagu restarts on a database Flyway has already migrated (a restart, not a first install), in the prod profile.
# Both run with the same JVM flags; Tsunagu is measured twice: as a plain `java -jar`, and with an application
# class-data-sharing archive (AppCDS) written by its first start and reused by every restart (-XX:SharedArchiveFile;
# on JDK 19+ -XX:+AutoCreateSharedArchive does the same by itself).
# Writes bench/RESULTS-restart.md. Target: Tsunagu ≤ 1.5 × the minimal app on both.
set -euo pipefail
export LC_ALL=C
. "$(dirname "$0")/../.ci/lib/common.sh"
cd "$ROOT"
RESTARTS=${BENCH_RESTARTS:-5}
RESULTS="$ROOT/bench/RESULTS-restart.md"
XMX=${BENCH_XMX:-256m}
. "$ROOT/bench/lib.sh"
bench_tools java curl awk
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

MINIMAL_JAR="$ROOT/bench/minimal-app/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$MINIMAL_JAR" ] || [ -n "$(find "$ROOT/bench/minimal-app/src" "$ROOT/bench/minimal-app/pom.xml" -newer "$MINIMAL_JAR" | head -1)" ]; then
  say "Building the minimal Quarkus REST application (bench/minimal-app)"
  (cd "$ROOT/bench/minimal-app" && "$ROOT/backend/mvnw" -q -B package -DskipTests)
fi
STACK_JAR="$ROOT/bench/stack-app/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$STACK_JAR" ] || [ -n "$(find "$ROOT/bench/stack-app/src" "$ROOT/bench/stack-app/pom.xml" -newer "$STACK_JAR" | head -1)" ]; then
  say "Building the same-stack application (bench/stack-app: the API's extensions, none of its code)"
  (cd "$ROOT/bench/stack-app" && "$ROOT/backend/mvnw" -q -B package -DskipTests)
fi
bench_database bench_restart
JVM_FLAGS=(-Xmx"$XMX" -XX:+UseSerialGC)
CDS="$work/tsunagu.jsa"
port=$(free_port 18460)
secret="bench-only-$(head -c 32 /dev/urandom | base64 | tr -d '\n/+=')"

# start_measure NAME URL CMD…: starts CMD, waits for URL to answer 200, then 10 s idle; prints "seconds rss_kb".
start_measure() {
  local name=$1 url=$2; shift 2
  local t0 t1 pid rss
  t0=$(now)
  "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$work/$name.log" >&2; die "$name stopped while starting"; }
    sleep 0.02
  done
  t1=$(now)
  sleep 10
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(calc "$t1 - $t0" 3) $rss"
}
minimal() { start_measure minimal "http://127.0.0.1:$port/hello" env API_PORT="$port" java "${JVM_FLAGS[@]}" -jar "$MINIMAL_JAR"; }
stack() { start_measure stack "http://127.0.0.1:$port/q/health/ready" env API_PORT="$port" java "${JVM_FLAGS[@]}" -Dquarkus.http.host=127.0.0.1 -jar "$STACK_JAR"; }
tsunagu() { # tsunagu NAME [extra JVM flags…]
  local name=$1; shift
  start_measure "$name" "http://127.0.0.1:$port/q/health/ready" env API_PORT="$port" TSUNAGU_JWT_SECRET="$secret" \
    java "${JVM_FLAGS[@]}" "$@" -Dquarkus.profile=prod -Dquarkus.http.host=127.0.0.1 -jar "$API_JAR"
}

say "First start of the API: Flyway migrates the database, and the class-data archive is written"
tsunagu first -XX:ArchiveClassesAtExit="$CDS" >/dev/null
[ -f "$CDS" ] || die "no class-data archive was written"
minimal >/dev/null # warms the page cache the same way for the minimal app
stack >/dev/null # and for the same-stack app (its first start also makes its one table)

m_ready=() m_rss=() p_ready=() p_rss=() c_ready=() c_rss=() s_ready=() s_rss=()
for i in $(seq 1 "$RESTARTS"); do
  say "Restart $i of $RESTARTS"
  read -r r s <<<"$(minimal)"; m_ready+=("$r"); m_rss+=("$s")
  read -r r s <<<"$(stack)"; s_ready+=("$r"); s_rss+=("$s")
  read -r r s <<<"$(tsunagu plain)"; p_ready+=("$r"); p_rss+=("$s")
  read -r r s <<<"$(tsunagu cds -XX:SharedArchiveFile="$CDS")"; c_ready+=("$r"); c_rss+=("$s")
done
med() { echo "$@" | median; }
M_READY=$(med "${m_ready[@]}"); M_RSS=$(med "${m_rss[@]}")
P_READY=$(med "${p_ready[@]}"); P_RSS=$(med "${p_rss[@]}")
C_READY=$(med "${c_ready[@]}"); C_RSS=$(med "${c_rss[@]}")
S_READY=$(med "${s_ready[@]}"); S_RSS=$(med "${s_rss[@]}")
ratio() { calc "$1 / $2" 2; }
verdict() { awk "BEGIN { print ($1 <= 1.5) ? \"**PASS**\" : \"**FAIL**\" }"; }
mb() { calc "$1 / 1024" 0; }

cat >"$RESULTS" <<EOF
# Restart benchmark results

Written by \`bash bench/restart.sh\` (\`make bench\`). One run, one machine; every figure is the median of $RESTARTS
alternating restarts (minimal app, same-stack app, Tsunagu, Tsunagu with an AppCDS archive).

| | |
|---|---|
| Date | $(date -u '+%Y-%m-%d %H:%M UTC') |
| Machine | $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, load average at the end $(cut -d' ' -f1-3 /proc/loadavg) |
| Code | git $(git rev-parse --short HEAD 2>/dev/null || echo unknown) |
| Software | $(java -version 2>&1 | head -1); JVM flags for both: \`${JVM_FLAGS[*]}\` |
| Tsunagu | prod profile, database already migrated, ready = \`/q/health/ready\` 200 (database checked) |
| Same stack | bench/stack-app: the API's Quarkus extensions (REST + Jackson, Hibernate ORM Panache, PostgreSQL, Flyway, OpenAPI, Validator, Health, JWT, security), one entity, one migration, one endpoint; none of Tsunagu's code; ready = \`/q/health/ready\` 200 (database checked) |
| Baseline | bench/minimal-app: quarkus-rest and one \`GET /hello\`, same Quarkus platform ($(grep -m1 -o '<quarkus.platform.version>[^<]*' bench/minimal-app/pom.xml | cut -d'>' -f2)); ready = \`/hello\` 200 |

## Summary

| Target | Minimal app | Tsunagu | Ratio | Result |
|---|---|---|---|---|
| Time from JVM start to ready ≤ 1.5 × | $M_READY s | $P_READY s (plain \`java -jar\`) | $(ratio "$P_READY" "$M_READY") × | $(verdict "$(ratio "$P_READY" "$M_READY")") |
| | | $C_READY s (with the AppCDS archive of its first start) | $(ratio "$C_READY" "$M_READY") × | $(verdict "$(ratio "$C_READY" "$M_READY")") |
| Idle RSS ≤ 1.5 × | $(mb "$M_RSS") MB | $(mb "$P_RSS") MB (plain) | $(ratio "$P_RSS" "$M_RSS") × | $(verdict "$(ratio "$P_RSS" "$M_RSS")") |
| | | $(mb "$C_RSS") MB (AppCDS archive) | $(ratio "$C_RSS" "$M_RSS") × | $(verdict "$(ratio "$C_RSS" "$M_RSS")") |

## What the fixed stack costs, and what Tsunagu's own code adds

The target compares Tsunagu with a hello-world app. The same stack without our code shows how much of the gap the
fixed choices (Hibernate ORM, Flyway, the PostgreSQL driver, Validator, OpenAPI, JWT) take before any of our code:

| | Minimal app | Same stack, no Tsunagu code | Tsunagu (plain) | Same stack ÷ minimal | Tsunagu ÷ same stack |
|---|---|---|---|---|---|
| Time to ready | $M_READY s | $S_READY s | $P_READY s | $(ratio "$S_READY" "$M_READY") × | $(ratio "$P_READY" "$S_READY") × |
| Idle RSS | $(mb "$M_RSS") MB | $(mb "$S_RSS") MB | $(mb "$P_RSS") MB | $(ratio "$S_RSS" "$M_RSS") × | $(ratio "$P_RSS" "$S_RSS") × |

## Every restart

| Restart | Minimal: ready s, RSS MB | Same stack: ready s, RSS MB | Tsunagu plain: ready s, RSS MB | Tsunagu with AppCDS: ready s, RSS MB |
|---|---|---|---|---|
EOF
for i in $(seq 0 $((RESTARTS - 1))); do
  echo "| $((i + 1)) | ${m_ready[$i]}, $(mb "${m_rss[$i]}") | ${s_ready[$i]}, $(mb "${s_rss[$i]}") | ${p_ready[$i]}, $(mb "${p_rss[$i]}") | ${c_ready[$i]}, $(mb "${c_rss[$i]}") |" >>"$RESULTS"
done
cat >>"$RESULTS" <<EOF

## Where Tsunagu's start goes

Quarkus's own account of the last plain start ("started in"): $(grep -o 'started in [0-9.]*s' "$work/plain.log" | tail -1).
The rest of "ready" is the JVM before Quarkus runs and the first readiness check (a database round trip).
EOF
say "Results in bench/RESULTS-restart.md"
cat "$RESULTS"
