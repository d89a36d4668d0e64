#!/usr/bin/env bash
# make run: PostgreSQL (DATABASE_URL, else localhost:5432, else embedded with data in .data/), the API
# with the demo data, and the SPA; prints where to go and how to log in. Ctrl-C stops it all.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"
require_tools
API_PORT=${API_PORT:-8080}
WEB_PORT=${WEB_PORT:-5173}
port_free "$API_PORT" || die "Port $API_PORT is taken: set API_PORT to another one."
port_free "$WEB_PORT" || die "Port $WEB_PORT is taken: set WEB_PORT to another one."
mkdir -p .data/logs
trap 'echo; say "Stopping"; stop_all; exit 0' INT TERM
trap 'stop_all' EXIT

build_devdb
build_api
build_web
say "Starting PostgreSQL"
start_db "$ROOT/.data/db.env" --data-dir "$ROOT/.data/pg"
export TSUNAGU_JWT_SECRET; TSUNAGU_JWT_SECRET=$(jwt_secret)
say "Starting the API on port $API_PORT (loads the demo data)"
start_api "$API_PORT" demo "$ROOT/.data/logs/api.log"
say "Starting the SPA on port $WEB_PORT"
start_web "$WEB_PORT" "$API_PORT" "$ROOT/.data/logs/web.log"

PASSWORD=${TSUNAGU_DEMO_PASSWORD:-tsunagu-demo}
cat <<TXT

  Tsunagu is running.

    SPA:      http://localhost:$WEB_PORT/
    API:      http://localhost:$API_PORT/api/v1   (contract: http://localhost:$API_PORT/q/openapi)
    Database: $DB_JDBC_URL

  Demo logins (password: $PASSWORD)
    admin         システム管理者 (ADMIN)
    planner       計画担当 (PLANNER)
    approver      承認者 (APPROVER)
    coordinator   地域生活支援相談員 (COORDINATOR: 高須, 庄司)
    coordinator2  地域生活支援相談員 (COORDINATOR: 若園)
    viewer        閲覧者 (VIEWER)

  Logs: .data/logs/   Stop: Ctrl-C
TXT
wait
