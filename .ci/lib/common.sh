# Shared helpers for make run and the end-to-end tests. Sourced, not executed.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEVDB_CP="$ROOT/backend/devdb/target/devdb.jar:$ROOT/backend/devdb/target/lib/*"
PIDS=()

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

require_tools() {
  command -v java >/dev/null || die "Java 17+ is needed (java not found)."
  local v; v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  [ "${v:-0}" -ge 17 ] || die "Java 17+ is needed (found $v)."
  command -v node >/dev/null || die "Node 20 is needed (node not found)."
  command -v npm >/dev/null || die "npm is needed."
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() { # free_port START → the first free port from START
  local p=$1
  while ! port_free "$p"; do p=$((p + 1)); done
  echo "$p"
}

build_devdb() {
  if [ ! -f "$ROOT/backend/devdb/target/devdb.jar" ] || [ -n "$(find "$ROOT/backend/devdb/src" "$ROOT/backend/devdb/pom.xml" -newer "$ROOT/backend/devdb/target/devdb.jar" 2>/dev/null | head -1)" ]; then
    say "Building the database launcher"
    (cd "$ROOT/backend" && ./mvnw -q -B -f devdb/pom.xml package)
  fi
}

# start_db ENV_FILE [devdb args…]: starts the launcher in the background and waits until it is ready.
start_db() {
  local env_file=$1; shift
  rm -f "$env_file"
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$DEVDB_CP" jp.tsunagu.devdb.DevDatabase --env-file "$env_file" "$@" &
  PIDS+=($!)
  local pid=$!
  for _ in $(seq 1 120); do
    [ -f "$env_file" ] && break
    kill -0 "$pid" 2>/dev/null || die "The database launcher stopped (see above)."
    sleep 0.5
  done
  [ -f "$env_file" ] || die "PostgreSQL did not become ready in 60 s."
  set -a; . "$env_file"; set +a
}

build_api() {
  say "Building the API"
  (cd "$ROOT/backend" && ./mvnw -q -B package -DskipTests)
}

# start_api PORT PROFILE LOG: runs the built API and waits for its readiness check.
start_api() {
  local port=$1 profile=$2 log=$3
  API_PORT=$port java -Dquarkus.profile="$profile" -Dquarkus.http.host=127.0.0.1 \
    -jar "$ROOT/backend/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  PIDS+=($!)
  local pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -40 "$log" >&2; die "The API stopped while starting (log: $log)."; }
    sleep 0.5
  done
  tail -40 "$log" >&2
  die "The API did not become ready in 60 s (log: $log)."
}

build_web() {
  cd "$ROOT/frontend"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing the SPA's packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  say "Building the SPA"
  npm run --silent build >/dev/null
  cd "$ROOT"
}

# start_web WEB_PORT API_PORT LOG: serves the built SPA, forwarding /api to the API.
start_web() {
  local port=$1 api_port=$2 log=$3
  (cd "$ROOT/frontend" && WEB_PORT=$port API_PORT=$api_port exec node node_modules/vite/bin/vite.js preview \
    --host 127.0.0.1 --port "$port" --strictPort >"$log" 2>&1) &
  PIDS+=($!)
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$log" >&2
  die "The SPA did not start (log: $log)."
}

stop_all() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}

jwt_secret() { # a per-installation secret kept under .data/
  local f="$ROOT/.data/jwt-secret"
  if [ ! -s "$f" ]; then
    mkdir -p "$ROOT/.data"
    head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$f"
    chmod 600 "$f"
  fi
  cat "$f"
}
