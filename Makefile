# Tsunagu — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
MVNW := cd backend && ./mvnw -B

.PHONY: help run test test-backend test-frontend test-compose test-e2e openapi bench clean

help:
	@echo "make run    API + SPA + PostgreSQL + demo data (prints the URL and the logins)"
	@echo "make test   the whole suite: backend, contract, frontend, docker-compose check, browser tests"
	@echo "make openapi  regenerate openapi.yaml from the API and the SPA's types from it"
	@echo "make bench  the benchmarks: KPI, matching, 一括マッチング, restart (results in bench/RESULTS*.md)"

run:
	@bash .ci/lib/run.sh

test: test-backend test-frontend test-compose test-e2e
	@echo "All test suites passed."

# @QuarkusTest + REST Assured against a real PostgreSQL (a database of its own, dropped afterwards);
# includes the contract test (openapi.yaml == /q/openapi). Also builds the API jar for the browser tests, and
# starts it to check graceful shutdown (*IT). Then the suite once more: the methods of each class run in a new
# random order every time, so a test that relies on another's data or on when it runs fails one of the two.
test-backend:
	$(MVNW) verify
	@echo "The backend suite a second time, in another random order"
	$(MVNW) -q surefire:test
	$(MVNW) -q -f devdb/pom.xml package

# Types generated from openapi.yaml must be current (check:api), the contract must pass other tools' checks
# (redocly lint, recommended rules), then Vitest, then the production build.
test-frontend:
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	cd frontend && npm run check:api
	cd frontend && npm run --silent lint:api
	cd frontend && npm test
	cd frontend && npm run build

# docker-compose.yml is validated without a Docker engine (Debian's docker-compose package).
test-compose:
	@command -v docker-compose >/dev/null || { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq docker-compose >/dev/null; }
	TSUNAGU_JWT_SECRET=compose-check-secret-0123456789abcdef docker-compose -f docker-compose.yml config -q
	@# Two API replicas behind the web container, in the prod profile unless TSUNAGU_PROFILE says otherwise.
	@test "$$(TSUNAGU_JWT_SECRET=x docker-compose -f docker-compose.yml config --services | grep -c '^api-')" = 2
	@TSUNAGU_JWT_SECRET=x docker-compose -f docker-compose.yml config | grep -q 'QUARKUS_PROFILE: prod'
	@grep -q 'server api-1:8080' frontend/nginx.conf && grep -q 'server api-2:8080' frontend/nginx.conf
	@echo "docker-compose.yml is valid: two API replicas behind nginx, prod profile by default"

test-e2e:
	@bash .ci/lib/e2e.sh

openapi:
	$(MVNW) -q test -Dtest=OpenApiContractTest -Dopenapi.update=true -Dsurefire.failIfNoSpecifiedTests=false
	cd frontend && npm run generate

# Builds what it needs, generates a large city, measures the API against bare SQL in one run.
bench:
	cd backend && ./mvnw -q -B package -DskipTests && ./mvnw -q -B -f devdb/pom.xml package
	bash bench/run.sh
	@if [ -f bench/matching.sh ]; then bash bench/matching.sh; fi
	bash bench/batch.sh
	bash bench/restart.sh

clean:
	$(MVNW) -q clean
	rm -rf frontend/dist frontend/e2e-results
