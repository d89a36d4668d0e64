#!/usr/bin/env bash
# Browser tests: a database of their own (dropped afterwards), the built API with the demo data, the
# built SPA, and Debian's chromium driven by playwright-core. Screenshots: frontend/e2e-results/.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"
require_tools
bash "$ROOT/.ci/lib/ensure-browser.sh"
build_devdb
[ -f backend/target/quarkus-app/quarkus-run.jar ] || build_api
[ -f frontend/dist/index.html ] || build_web
work=$(mktemp -d)
trap 'stop_all; rm -rf "$work"' EXIT
db="tsunagu_e2e_$(date +%s)_$$"
start_db "$work/db.env" --database "$db" --drop-on-exit --data-dir "$work/pg"
export TSUNAGU_JWT_SECRET="e2e-only-secret-$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
# The city's identity provider, played by e2e/lib/fake-idp.mjs: both replicas trust it beside the demo passwords.
idp_port=$(free_port 18400)
node frontend/e2e/lib/fake-idp.mjs "$idp_port" >"$work/idp.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 40); do curl -fsS "http://127.0.0.1:$idp_port/jwks.json" >/dev/null 2>&1 && break; sleep 0.25; done
export TSUNAGU_OIDC_ISSUER="http://127.0.0.1:$idp_port" TSUNAGU_OIDC_JWKS="http://127.0.0.1:$idp_port/jwks.json" \
  TSUNAGU_OIDC_AUDIENCE=tsunagu TSUNAGU_OIDC_CLIENT_ID=tsunagu-e2e \
  TSUNAGU_OIDC_AUTHORIZATION_ENDPOINT="http://127.0.0.1:$idp_port/auth" TSUNAGU_OIDC_TOKEN_ENDPOINT="http://127.0.0.1:$idp_port/token" \
  TSUNAGU_OIDC_END_SESSION_ENDPOINT="http://127.0.0.1:$idp_port/logout" \
  TSUNAGU_OIDC_ROLE_MAP="welfare-coordinators=COORDINATOR"
api_port=$(free_port 18080)
start_api "$api_port" demo "$work/api.log"
# A second replica on the same database: the assignment tests fire at both.
api2_port=$(free_port $((api_port + 1)))
start_api "$api2_port" demo "$work/api2.log"
web_port=$(free_port 15173)
start_web "$web_port" "$api_port" "$work/web.log"
# 運用開始 (e2e/going-live.test.mjs): an installation with nothing in it, as a city gets it: an API in the prod
# profile (no demo data, no accounts) on a second, EMPTY database of the same server, with the setup code chosen
# by the operator, and an SPA of its own in front. Started after the demo replicas, since start_db points DB_* at
# the new database.
live_code="E2E-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')-SETUP"
DATABASE_URL="$DB_JDBC_URL" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD" \
  start_db "$work/db-live.env" --database "${db}_live" --drop-on-exit
live_api_port=$(free_port $((api2_port + 1)))
TSUNAGU_BOOTSTRAP_ADMIN="$live_code" start_api "$live_api_port" prod "$work/api-live.log"
live_web_port=$(free_port $((web_port + 1)))
start_web "$live_web_port" "$live_api_port" "$work/web-live.log"
cd frontend
mkdir -p e2e-results
API_A_URL="http://127.0.0.1:$api_port" API_B_URL="http://127.0.0.1:$api2_port" \
  GOING_LIVE_URL="http://127.0.0.1:$live_web_port" GOING_LIVE_SETUP_CODE="$live_code" \
  IDP_URL="http://127.0.0.1:$idp_port" BASE_URL="http://127.0.0.1:$web_port" SCREENSHOT_DIR="$ROOT/frontend/e2e-results" npm run --silent e2e
