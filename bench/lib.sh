#!/usr/bin/env bash
# What the benchmarks share (sourced by run.sh and matching.sh after .ci/lib/common.sh): the tools, a work
# directory cleaned on exit, a database of their own on 127.0.0.1 (dropped on exit), the built API in the prod
# profile with a small heap, and small helpers for arithmetic, time and psql.

# bench_tools REQUIRED... -- INSTALLABLE...: dies without a required tool; installs the others with apt-get.
bench_tools() {
  local tool installing=false
  for tool in "$@"; do
    if [ "$tool" = "--" ]; then installing=true; continue; fi
    command -v "$tool" >/dev/null && continue
    $installing || die "$tool is needed."
    say "Installing $tool"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y -qq "$tool" >/dev/null || die "$tool is needed (apt-get install $tool)."
  done
  API_JAR="$ROOT/backend/target/quarkus-app/quarkus-run.jar"
  [ -f "$API_JAR" ] || die "The API is not built: cd backend && ./mvnw -q -B package -DskipTests (make bench does it)."
  BCRYPT_JAR=$(ls "$ROOT"/backend/target/quarkus-app/lib/main/org.mindrot.jbcrypt-*.jar | head -1)
  build_devdb
}

work=$(mktemp -d)
API_PID=""
BG_PIDS=()
bench_cleanup() {
  set +e
  local p
  for p in "${BG_PIDS[@]:-}"; do [ -n "$p" ] && { pkill -TERM -P "$p" 2>/dev/null; kill -TERM "$p" 2>/dev/null; }; done
  if [ -n "$API_PID" ]; then
    kill -TERM "$API_PID" 2>/dev/null
    wait "$API_PID" 2>/dev/null
  fi
  stop_all # the database launcher: drops the database
  rm -rf "$work"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
now() { echo "$EPOCHREALTIME"; }
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# bench_database PREFIX: a database of its own on 127.0.0.1; exports PG* for psql and pgbench.
bench_database() {
  db="$1_$(date +%s)_$$"
  say "Starting the database ($db)"
  start_db "$work/db.env" --database "$db" --drop-on-exit --data-dir "$work/pg"
  local hostport=${DB_JDBC_URL#jdbc:postgresql://}
  hostport=${hostport%%/*}
  [ "${hostport%:*}" = "127.0.0.1" ] || die "The benchmark runs on 127.0.0.1 only; the database is at ${hostport%:*} (unset DATABASE_URL)."
  export PGHOST=127.0.0.1 PGPORT=${hostport##*:} PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD PGDATABASE=$db
}

# bench_api PORT: the built API on 127.0.0.1 (Flyway creates the schema), ready; sets API_PID, api_port and BASE.
bench_api() {
  api_port=$(free_port "$1")
  BASE="http://127.0.0.1:$api_port"
  say "Starting the API on 127.0.0.1:$api_port (prod profile, -Xmx$XMX)"
  TSUNAGU_JWT_SECRET="bench-only-$(head -c 32 /dev/urandom | base64 | tr -d '\n/+=')" API_PORT=$api_port \
    java -Xmx"$XMX" -XX:+UseG1GC -XX:FlightRecorderOptions:stackdepth=256 \
    -Dquarkus.profile=prod -Dquarkus.http.host=127.0.0.1 -jar "$API_JAR" >"$work/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS "$BASE/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$API_PID" 2>/dev/null || { tail -40 "$work/api.log" >&2; die "The API stopped while starting."; }
    sleep 0.5
  done
  curl -fsS "$BASE/q/health/ready" >/dev/null || { tail -40 "$work/api.log" >&2; die "The API did not become ready."; }
}

# bench_admin_token: an ADMIN account for the benchmark (prod has no demo data) and its JWT; sets TOKEN and AUTH.
bench_admin_token() {
  local password hash
  password=$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')
  cat >"$work/Hash.java" <<'EOF'
public class Hash {
    public static void main(String[] a) {
        System.out.print(org.mindrot.jbcrypt.BCrypt.hashpw(a[0], org.mindrot.jbcrypt.BCrypt.gensalt(10)));
    }
}
EOF
  hash=$(java -cp "$BCRYPT_JAR" "$work/Hash.java" "$password")
  q -v hash="$hash" >/dev/null <<'SQL'
with a as (insert into account (username, display_name, password_hash) values ('bench', 'ベンチマーク', :'hash') returning id)
insert into account_role (account_id, role) select id, 'ADMIN' from a;
SQL
  TOKEN=$(curl -fsS -H 'Content-Type: application/json' -d "{\"username\":\"bench\",\"password\":\"$password\"}" \
    "$BASE/api/v1/auth/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
  [ -n "$TOKEN" ] || die "Could not log in as the benchmark account."
  AUTH="Authorization: Bearer $TOKEN"
}

# ---- CPU accounting ------------------------------------------------------------------------------------
# cpu_start "PIDS…" "PIDS…" …: one set of processes per argument; cpu_stop → CPU_CORES (one per set),
# CPU_REST (everything else on the machine: other users too), CPU_IDLE, in cores.
proc_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
cpu_start() {
  CPU_SETS=("$@"); CPU_T0=()
  local s
  # shellcheck disable=SC2086
  for s in "$@"; do CPU_T0+=("$(proc_ticks $s)"); done
  read -r CPU_B0 CPU_A0 <<<"$(machine_ticks)"
}
cpu_stop() {
  local b1 a1 all i t sum=0
  CPU_CORES=()
  for i in "${!CPU_SETS[@]}"; do
    # shellcheck disable=SC2086
    t=$(($(proc_ticks ${CPU_SETS[$i]}) - CPU_T0[i])); sum=$((sum + t)); CPU_T[i]=$t
  done
  read -r b1 a1 <<<"$(machine_ticks)"
  all=$((a1 - CPU_A0)); [ "$all" -gt 0 ] || all=1
  for i in "${!CPU_SETS[@]}"; do CPU_CORES+=("$(calc "${CPU_T[$i]} / $all * $(nproc)")"); done
  CPU_REST=$(calc "$(((b1 - CPU_B0) - sum)) / $all * $(nproc)"); CPU_IDLE=$(calc "$((all - (b1 - CPU_B0))) / $all * $(nproc)")
}

jfr_top() { # jfr_top FILE: the hottest top frames and the hottest jp.tsunagu frames
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$1" | awk '
    /stackTrace = \[/ { inside = 1; first = 1; app = ""; next }
    inside && /^[[:space:]]*\]/ { inside = 0; total++; if (app != "") apps[app]++; next }
    inside && !/^[[:space:]]*\.\.\.[[:space:]]*$/ {
      f = $0; sub(/^[[:space:]]+/, "", f); sub(/[[:space:]]+line:.*/, "", f); sub(/\(.*/, "", f)
      if (first) { tops[f]++; first = 0; depth = 0; chain = f }
      else if (depth < 4) { chain = chain " < " f }
      depth++
      if (depth == 4) chains[chain]++
      if (app == "" && f ~ /^jp\.tsunagu\./) app = f
    }
    END {
      printf "samples: %d\n\nhottest top frames (self time):\n", total
      for (k in tops) printf "%6d  %5.1f%%  %s\n", tops[k], 100 * tops[k] / total, k | "sort -rn | head -15"
      close("sort -rn | head -15")
      printf "\ninnermost jp.tsunagu frame on the stack (time under it):\n"
      for (k in apps) printf "%6d  %5.1f%%  %s\n", apps[k], 100 * apps[k] / total, k | "sort -rn | head -12"
      close("sort -rn | head -12")
      printf "\nhottest 4-frame chains (frame < its caller < …):\n"
      for (k in chains) printf "%6d  %5.1f%%  %s\n", chains[k], 100 * chains[k] / total, k | "sort -rn | head -8"
      close("sort -rn | head -8")
    }'
}

# ---- the SQL the built API sends ------------------------------------------------------------------------
# api_statement CLASS FIELD [--raw | REPLACEMENT…]: a statement (a static String of one of the API's classes) read
# from the built jar by reflection (bench/batch-check/Statement.java), its ? placeholders replaced in order.
api_statement() {
  local app="$ROOT/backend/target/quarkus-app"
  java -Dfile.encoding=UTF-8 -cp "$app/quarkus/transformed-bytecode.jar:$app/app/*:$app/lib/main/*" \
    "$ROOT/bench/batch-check/Statement.java" "$@"
}
# source_statement FILE FIELD: the same statement as the Java source spells it (a text block: the common indentation
# and trailing blanks removed, as javac does; no escapes expected), to say whether the built jar matches the source.
source_statement() {
  awk -v field="$2" '
    !inside && index($0, field " = \"\"\"") { inside = 1; next }
    inside {
      last = index($0, "\"\"\";") > 0
      line = $0; if (last) sub(/"""; *$/, "", line)
      if (index(line, "\\")) { print "a backslash in the text block" > "/dev/stderr"; exit 2 }
      sub(/[ \t]+$/, "", line)
      lines[++n] = line
      if (line ~ /[^ ]/) { match(line, /^ */); if (min == "" || RLENGTH < min) min = RLENGTH }
      if (last) exit
    }
    END { for (i = 1; i <= n; i++) printf "%s%s", substr(lines[i], min + 1), (i < n ? "\n" : "") }' "$1"
}
