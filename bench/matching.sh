#!/usr/bin/env bash
# The matching benchmark (make bench, after run.sh): 50,000 supporters in 300 districts with 500,000 past requests
# in a database of its own, the built API in the prod profile, and in one run:
#   1. check: the bare SQL (bench/matching.pgbench) returns the API's candidates, scores and order, and the API's own
#      statement (CandidateRanking's, read from the built jar) run by psql returns the API's body byte for byte
#   2. the API: wrk on GET /api/v1/support-requests/{id}/candidates, rotating over 200 open requests → requests/s, p50/p95/p99
#   3. the same work in the database alone: pgbench -M prepared on the API's own statement (ranking, JSON, and the
#      audit_log and request_event inserts) → tps, the baseline of the target; and the ranking alone
#      (pgbench -f bench/matching.pgbench, simple protocol and -M prepared), the earlier comparison
#   4. diagnostics: CPU per process, one client alone, table accesses per call, what the database connections do
#      (pg_stat_activity), JFR samples of the API, the bare SQL's plan
# Writes bench/RESULTS-matching.md. Everything runs on 127.0.0.1; the database is dropped and the API stopped on exit.
# Knobs (environment): BENCH_XMX (256m), BENCH_MATCHING_SECONDS (20), BENCH_MATCHING_CONNECTIONS (16),
# BENCH_MATCHING_WARMUP (60: seconds of the same load on the API before it is measured).
set -euo pipefail
export LC_ALL=C
. "$(dirname "$0")/../.ci/lib/common.sh"
cd "$ROOT"

XMX=${BENCH_XMX:-256m}
RUN_SECONDS=${BENCH_MATCHING_SECONDS:-20}
CONNECTIONS=${BENCH_MATCHING_CONNECTIONS:-16}
# As in run.sh: on 2 cores the JIT compilers still took half of the API's CPU after 30 s of this load, and 3 % after
# 80 s (async-profiler, itimer), so the API is measured after a minute of the same calls. The database needs no such
# warm-up (its statements are planned once per connection); pgbench gets 5 s.
WARMUP=${BENCH_MATCHING_WARMUP:-60}
RESULTS="$ROOT/bench/RESULTS-matching.md"
PGB="$ROOT/bench/matching.pgbench"
[ "$RUN_SECONDS" -ge 6 ] || die "BENCH_MATCHING_SECONDS must be at least 6."

# ---- tools, database, API (bench/lib.sh) -----------------------------------------------------------
. "$ROOT/bench/lib.sh"
bench_tools java jcmd jfr psql pgbench curl awk -- wrk jq
sleep_until() { local d; d=$(calc "$1 - $(now)" 3); awk "BEGIN { exit !($d > 0) }" && sleep "$d"; return 0; }
# percentiles FILE (one number a line, µs) → "p50 p95 p99 max" in ms
percentiles() {
  sort -n "$1" | awk '{ a[NR] = $1 } END {
    if (NR == 0) { print "- - - -"; exit }
    split("50 95 99", p, " ")
    for (i = 1; i <= 3; i++) { k = int(NR * p[i] / 100 + 0.999999); if (k < 1) k = 1; printf "%.1f ", a[k] / 1000 }
    printf "%.1f\n", a[NR] / 1000 }'
}
bench_database bench_match
bench_api 18390

# ---- data -------------------------------------------------------------------------------------------
say "Generating the city (bench/matching-generate.sql)"
t0=$(now)
q -f "$ROOT/bench/matching-generate.sql" >/dev/null
# Write the generated pages out now, so that no checkpoint lands in the measurements.
q -c "checkpoint" >/dev/null 2>&1 || say "(no CHECKPOINT: not a superuser)"
gen_secs=$(calc "$(now) - $t0" 1)
read -r n_wards n_districts n_neigh n_groups n_paid n_sup n_active n_vehicle n_free n_supcat n_slots n_rec \
        n_past n_recent n_assign first last n_open <<<"$(q -F ' ' -c "
  select (select count(*) from area where kind = 'WARD'), (select count(*) from area where kind = 'SCHOOL_DISTRICT'),
         (select count(*) from area where kind = 'NEIGHBOURHOOD'),
         (select count(*) from supporter_group), (select count(*) from supporter_group where payment = 'PAID'),
         (select count(*) from supporter), (select count(*) from supporter where active),
         (select count(*) from supporter where has_vehicle), (select count(*) from supporter where open_assignments < capacity),
         (select count(*) from supporter_category), (select count(*) from supporter_availability), (select count(*) from recipient),
         (select count(*) from support_request where status = 'COMPLETED'),
         (select count(*) from support_request where status = 'COMPLETED' and received_on >= current_date - 90),
         (select count(*) from assignment),
         (select min(id) from support_request where status = 'RECEIVED'), (select max(id) from support_request where status = 'RECEIVED'),
         (select count(*) from support_request where status = 'RECEIVED')")"
[ "$n_open" -gt 0 ] && [ $((last - first + 1)) -eq "$n_open" ] || die "The open requests' ids are not contiguous ($first … $last, $n_open)."
db_size=$(q -c "select pg_size_pretty(pg_database_size(current_database()))")
say "$n_sup supporters, $n_past past requests, $n_open open requests ($first … $last); $db_size, $gen_secs s to generate"

bench_admin_token   # sets TOKEN and AUTH

# ---- the same work as the API: its own statement, from the built jar --------------------------------
# CandidateRanking's statement as the built jar sends it (bench/batch-check/Statement.java), its placeholders replaced
# by pgbench variables (same-work.pgbench, run -M prepared: parsed and planned once per connection, as the API's
# driver does) and by psql variables (same-work.sql, for the check below). The caller is the ADMIN account (the API
# passes its districts as null: it sees every area), at the address the API records; the weights are the API's (its
# answer repeats them).
say "Reading CandidateRanking's statement from the built jar"
same_src="backend/src/main/java/jp/tsunagu/request/CandidateRanking.java"
api_statement jp.tsunagu.request.CandidateRanking CANDIDATES --raw >"$work/same-work.raw" \
  || die "Could not read CandidateRanking.CANDIDATES from the built jar."
if cmp -s "$work/same-work.raw" <(source_statement "$ROOT/$same_src" CANDIDATES); then
  same_source="identical to the text block in $same_src"
else
  same_source="**not** identical to the text block in $same_src (the jar was built from other source; the jar's is used)"
fi
{ printf '\\set rid random(:first, :last)\n'
  api_statement jp.tsunagu.request.CandidateRanking CANDIDATES :rid null :actor :ip :wd :wa :wl :wc :wf :weights
  printf ';\n'; } >"$work/same-work.pgbench"
{ api_statement jp.tsunagu.request.CandidateRanking CANDIDATES :rid null ":'actor'" ":'ip'" :wd :wa :wl :wc :wf ":'weights'"
  printf ';\n'; } >"$work/same-work.sql"
weights_json=$(curl -fsS -H "$AUTH" "$BASE/api/v1/support-requests/$first/candidates" | sed -n 's/^.*"weights":\({[^}]*}\).*$/\1/p')
read -r w_d w_a w_l w_c w_f <<<"$(jq -r '[.distance, .availability, .load, .continuity, .fairness] | @tsv' <<<"$weights_json")"
[ -n "$w_f" ] || die "Could not read the API's weights."
api_ip=$(q -c "select ip from audit_log order by id desc limit 1") # the caller's address as the API records it
SAME_VARS=(-D actor=bench -D ip="$api_ip" -D wd="$w_d" -D wa="$w_a" -D wl="$w_l" -D wc="$w_c" -D wf="$w_f" -D weights="$weights_json")
PSQL_SAME_VARS=(-v actor=bench -v ip="$api_ip" -v wd="$w_d" -v wa="$w_a" -v wl="$w_l" -v wc="$w_c" -v wf="$w_f" -v weights="$weights_json")

# ---- the bare SQL returns the API's candidates ------------------------------------------------------
grep -v '^\\set' "$PGB" >"$work/stmt.sql" # the statement alone, for psql -v rid=…
say "Checking that the bare SQL ranks the API's candidates, and that the API's statement alone returns its body"
checked=()
same_checked=()
# The rows a call writes: the newest audit_log row and request_event row (nothing else writes during the check).
written() { q -F '|' -c "select actor, action, entity, coalesce(entity_id::text, '-'), coalesce(ip, '-'), detail from audit_log order by id desc limit 1" \
              -c "select request_id, actor, kind, assignment_id is null, supporter_id is null, minutes is null, coalesce(detail, '-') from request_event order by id desc limit 1"; }
for off in 0 1 10 12 57 $((n_open - 1)); do # 10 (TRANSPORT) and 1 (BULKY_WASTE) need a vehicle
  [ "$off" -lt "$n_open" ] || continue
  id=$((first + off))
  curl -fsS -H "$AUTH" "$BASE/api/v1/support-requests/$id/candidates" -o "$work/body.$id"
  written >"$work/api-written.$id"
  jq -r '.items[] | [.supporterId, .score, .area.code, .parts.distance, .parts.availability, .parts.load, .parts.continuity, .parts.fairness] | @tsv' "$work/body.$id" \
    | awk -F'\t' '{ printf "%s %.3f %s %.3f %.3f %.3f %.3f %.3f\n", $1, $2, $3, $4, $5, $6, $7, $8 }' >"$work/api.$id"
  q -F $'\t' -v rid="$id" -f "$work/stmt.sql" \
    | awk -F'\t' '{ printf "%s %.3f %s %.3f %.3f %.3f %.3f %.3f\n", $1, $7, $4, $8, $9, $10, $11, $12 }' >"$work/sql.$id"
  if ! cmp -s "$work/api.$id" "$work/sql.$id"; then
    diff "$work/api.$id" "$work/sql.$id" | head -20 >&2
    die "Request $id: the bare SQL does not return the API's candidates (API < > SQL above)."
  fi
  checked+=("$id: $(wc -l <"$work/api.$id")")
  # The API's own statement, alone in psql: the same document, byte for byte (it also writes the two rows).
  q "${PSQL_SAME_VARS[@]}" -v rid="$id" -f "$work/same-work.sql" >"$work/same.$id"
  written >"$work/same-written.$id"
  if ! cmp -s "$work/api-written.$id" "$work/same-written.$id"; then
    diff "$work/api-written.$id" "$work/same-written.$id" >&2 || true
    die "Request $id: the API's statement alone does not write the rows the API's call writes (API < > statement above)."
  fi
  if cmp -s <(cat "$work/body.$id"; echo) "$work/same.$id"; then
    same_checked+=("$id: $(wc -c <"$work/body.$id") bytes")
  else
    cmp <(cat "$work/body.$id"; echo) "$work/same.$id" >&2 || true
    die "Request $id: the API's statement alone does not return the API's body."
  fi
done
# Candidates per open request (the bare SQL, each request once).
for id in $(seq "$first" "$last"); do
  printf '\\set rid %s\n' "$id"; sed 's/;$/ \\g \/dev\/null/' "$work/stmt.sql"; printf '\\echo :ROW_COUNT\n'
done >"$work/count.sql"
q -f "$work/count.sql" >"$work/counts.txt"
read -r cand_min cand_med cand_mean cand_max <<<"$(sort -n "$work/counts.txt" | awk '{ a[NR] = $1; s += $1 } END { printf "%d %d %.1f %d", a[1], a[int((NR + 1) / 2)], s / NR, a[NR] }')"
read -r cont_share near_share <<<"$(cat "$work"/sql.* | awk '{ n++; if ($7 > 0) c++; if ($4 == 1) h++ } END { printf "%.0f %.0f", 100 * c / n, 100 * h / n }')"

# ---- CPU accounting (cpu_start / cpu_stop: bench/lib.sh) ------------------------------------------
api_backends() { q -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and application_name not in ('pgbench', 'psql')" | tr '\n' ' '; }
pgbench_backends() { q -c "select pid from pg_stat_activity where datname = current_database() and application_name = 'pgbench'" | tr '\n' ' '; }
# Table accesses (scans: sequential + index) and inserted/updated rows, per table, for per-call figures.
table_stats() { q -F ' ' -c "select relname, seq_scan + coalesce(idx_scan, 0), n_tup_ins, n_tup_upd from pg_stat_user_tables order by relname" >"$1"; }
calls_done() { q -c "select count(*) from audit_log where detail like '相談 % の候補 %'"; }
per_call() { # per_call BEFORE AFTER CALLS → "table scans/call ins/call upd/call" for tables touched
  join "$1" "$2" | awk -v n="$3" '{ s = ($5 - $2) / n; i = ($6 - $3) / n; u = ($7 - $4) / n
    if (s >= 0.05 || i >= 0.05 || u >= 0.05) printf "| %s | %.1f | %.2f | %.2f |\n", $1, s, i, u }'
}

# ---- wrk's script: rotate over the open requests, print the percentiles -----------------------------
cat >"$work/candidates.lua" <<'EOF'
-- wrk -s candidates.lua URL -- FIRST LAST: GET /api/v1/support-requests/{id}/candidates, id rotating over FIRST … LAST.
local threads = {}
function setup(thread)
  thread:set("offset", #threads * 97)
  table.insert(threads, thread)
end
local first, n, counter
function init(args)
  first = tonumber(args[1]); n = tonumber(args[2]) - first + 1; counter = offset or 0
end
function request()
  local id = first + counter % n
  counter = counter + 1
  return wrk.format("GET", "/api/v1/support-requests/" .. id .. "/candidates")
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("LUA p50=%.2f p90=%.2f p95=%.2f p99=%.2f max=%.2f requests=%d non2xx=%d socket=%d\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
EOF
wrk_run() { # wrk_run OUT THREADS CONNECTIONS SECONDS [--latency]
  wrk -t"$2" -c"$3" -d"$4s" ${5:-} -s "$work/candidates.lua" -H "$AUTH" "$BASE" -- "$first" "$last" >"$1"
}
lua_field() { sed -n "s/.*LUA.* $2=\([0-9.]*\).*/\1/p" "$1"; }
pgbench_run() { # pgbench_run OUT LOG_PREFIX CLIENTS THREADS SECONDS [pgbench options…]
  local out=$1 prefix=$2 c=$3 j=$4 t=$5; shift 5
  pgbench -n -c"$c" -j"$j" -T"$t" "$@" -l --log-prefix="$prefix" -D first="$first" -D last="$last" "${SAME_VARS[@]}" \
    -f "${PGB_FILE:-$PGB}" >"$out" 2>&1 \
    || { cat "$out" >&2; die "pgbench failed."; }
}
pgbench_tps() { sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$1" | awk '{ printf "%.1f", $1 }'; }
pgbench_failed() { sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$1"; }
pgbench_latencies() { cat "$1".* | awk '{ print $3 }' >"$1-latencies"; percentiles "$1-latencies"; }

# ---- warm-up ----------------------------------------------------------------------------------------
say "Warming up ($WARMUP s of the API's calls, 5 s of each pgbench run, not counted)"
wrk_run "$work/warm.txt" 2 "$CONNECTIONS" "$WARMUP"
pgbench_run "$work/pgb-warm.txt" "$work/pgb-warm" "$CONNECTIONS" 2 5
PGB_FILE="$work/same-work.pgbench" pgbench_run "$work/same-warm.txt" "$work/same-warm" "$CONNECTIONS" 2 5 -M prepared

# ---- the API ----------------------------------------------------------------------------------------
say "API: wrk -t2 -c$CONNECTIONS -d${RUN_SECONDS}s on /api/v1/support-requests/{id}/candidates"
calls_before=$(calls_done)
started=$(now)
wrk_run "$work/wrk.txt" 2 "$CONNECTIONS" "$RUN_SECONDS" --latency &
wrk_job=$!; BG_PIDS+=("$wrk_job")
sleep_until "$(calc "$started + 1" 3)"
wrk_pid=$(pgrep -n -P "$wrk_job" wrk || echo "$wrk_job")
table_stats "$work/api-stats0"; window_calls0=$(calls_done)
cpu_start "$API_PID" "$(api_backends)" "$wrk_pid"
sleep_until "$(calc "$started + $RUN_SECONDS - 1.5" 3)"
cpu_stop
table_stats "$work/api-stats1"; window_calls1=$(calls_done)
api_cpu=("${CPU_CORES[@]}"); api_cpu_rest=$CPU_REST; api_cpu_idle=$CPU_IDLE
wait "$wrk_job"
calls_after=$(calls_done)
api_rps=$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$work/wrk.txt"); api_rps=${api_rps:-0}
api_requests=$(lua_field "$work/wrk.txt" requests); api_non2xx=$(lua_field "$work/wrk.txt" non2xx); api_socket=$(lua_field "$work/wrk.txt" socket)
api_p50=$(lua_field "$work/wrk.txt" p50); api_p90=$(lua_field "$work/wrk.txt" p90); api_p95=$(lua_field "$work/wrk.txt" p95)
api_p99=$(lua_field "$work/wrk.txt" p99); api_max=$(lua_field "$work/wrk.txt" max)
audit_rows=$((calls_after - calls_before))
window_calls=$((window_calls1 - window_calls0)); [ "$window_calls" -gt 0 ] || window_calls=1

# ---- the same work in the database alone, then the ranking alone -------------------------------------
run_pgbench_measured() { # run_pgbench_measured NAME [pgbench options…] → PGB_* (tps, failed, latencies, cpu)
  local name=$1; shift
  table_stats "$work/$name-stats0"
  local started; started=$(now)
  pgbench_run "$work/$name.txt" "$work/$name-log" "$CONNECTIONS" 2 "$RUN_SECONDS" "$@" &
  local pid=$!; BG_PIDS+=("$pid")
  sleep_until "$(calc "$started + 1" 3)"
  local pgb_pid; pgb_pid=$(pgrep -n -P "$pid" pgbench || echo "")
  cpu_start "$(pgbench_backends)" "$pgb_pid" "$API_PID"
  sleep_until "$(calc "$started + $RUN_SECONDS - 1.5" 3)"
  cpu_stop
  wait "$pid"
  sleep 1 # pgbench's backends report their statistics when they exit
  table_stats "$work/$name-stats1"
  PGB_TPS=$(pgbench_tps "$work/$name.txt"); PGB_FAILED=$(pgbench_failed "$work/$name.txt"); PGB_FAILED=${PGB_FAILED:-0}
  PGB_TX=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/$name.txt")
  read -r PGB_P50 PGB_P95 PGB_P99 PGB_MAX <<<"$(pgbench_latencies "$work/$name-log")"
  PGB_CPU=("${CPU_CORES[@]}"); PGB_CPU_REST=$CPU_REST; PGB_CPU_IDLE=$CPU_IDLE
}
say "The same work alone: pgbench -M prepared -c$CONNECTIONS -j2 -T$RUN_SECONDS on CandidateRanking's statement (from the jar)"
PGB_FILE="$work/same-work.pgbench" run_pgbench_measured same -M prepared
same_tps=$PGB_TPS; same_failed=$PGB_FAILED; same_tx=$PGB_TX; same_p50=$PGB_P50; same_p95=$PGB_P95; same_p99=$PGB_P99; same_max=$PGB_MAX
same_cpu=("${PGB_CPU[@]}"); same_cpu_rest=$PGB_CPU_REST; same_cpu_idle=$PGB_CPU_IDLE
say "The ranking alone (earlier baseline): pgbench -n -c$CONNECTIONS -j2 -T$RUN_SECONDS -f bench/matching.pgbench"
run_pgbench_measured pgb
sql_tps=$PGB_TPS; sql_failed=$PGB_FAILED; sql_tx=$PGB_TX; sql_p50=$PGB_P50; sql_p95=$PGB_P95; sql_p99=$PGB_P99; sql_max=$PGB_MAX
sql_cpu=("${PGB_CPU[@]}"); sql_cpu_rest=$PGB_CPU_REST; sql_cpu_idle=$PGB_CPU_IDLE
say "The ranking alone, prepared (reference): pgbench -M prepared -f bench/matching.pgbench"
run_pgbench_measured pgbp -M prepared
prep_tps=$PGB_TPS; prep_failed=$PGB_FAILED; prep_p50=$PGB_P50; prep_p95=$PGB_P95; prep_p99=$PGB_P99
prep_cpu=("${PGB_CPU[@]}"); prep_cpu_rest=$PGB_CPU_REST; prep_cpu_idle=$PGB_CPU_IDLE

ratio_same=$(calc "$api_rps / $same_tps" 3)
ratio=$(calc "$api_rps / $sql_tps" 3)
ratio_prep=$(calc "$api_rps / $prep_tps" 3)
clean=$(awk "BEGIN { print ($api_non2xx == 0 && $api_socket == 0 && $same_failed == 0) }")
same_ok=$(awk "BEGIN { print ($ratio_same >= 0.8 && $clean) ? \"PASS\" : \"FAIL\" }")
latency_ok=$(awk "BEGIN { print ($api_p95 < 30 && $clean) ? \"PASS\" : \"FAIL\" }")
throughput_ok=$(awk "BEGIN { print ($ratio >= 0.5 && $clean) ? \"PASS\" : \"FAIL\" }")
latency50_ok=$(awk "BEGIN { print ($api_p95 < 50 && $clean) ? \"PASS\" : \"FAIL\" }")

# ---- one client alone -------------------------------------------------------------------------------
say "One client alone (5 s each): the cost of one call without queueing"
wrk_run "$work/wrk1.txt" 1 1 5
one_api_p50=$(lua_field "$work/wrk1.txt" p50); one_api_p95=$(lua_field "$work/wrk1.txt" p95)
one_api_rps=$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$work/wrk1.txt")
pgbench_run "$work/pgb1.txt" "$work/pgb1-log" 1 1 5
one_sql_tps=$(pgbench_tps "$work/pgb1.txt"); read -r one_sql_p50 one_sql_p95 _ _ <<<"$(pgbench_latencies "$work/pgb1-log")"
pgbench_run "$work/pgb1p.txt" "$work/pgb1p-log" 1 1 5 -M prepared
one_prep_tps=$(pgbench_tps "$work/pgb1p.txt"); read -r one_prep_p50 _ _ _ <<<"$(pgbench_latencies "$work/pgb1p-log")"
PGB_FILE="$work/same-work.pgbench" pgbench_run "$work/same1.txt" "$work/same1-log" 1 1 5 -M prepared
one_same_tps=$(pgbench_tps "$work/same1.txt"); read -r one_same_p50 one_same_p95 _ _ <<<"$(pgbench_latencies "$work/same1-log")"

# ---- diagnostics ------------------------------------------------------------------------------------
say "Diagnostics: statement samples, JFR samples, the bare SQL's plan"
sample_db() {
  q -F ' | ' >"$work/db-samples.txt" <<'SQL'
create temporary table sample (query text, state text);
do $$
begin
  for k in 1..350 loop
    perform pg_stat_clear_snapshot();
    insert into sample
    select left(regexp_replace(a.query, '\s+', ' ', 'g'), 150),
           case when a.state <> 'active' then 'idle (waiting for the API)'
                when a.wait_event is null then 'active: on CPU'
                else 'active: ' || a.wait_event_type || ' ' || a.wait_event end
    from pg_stat_activity a
    where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend';
    perform pg_sleep(0.02);
  end loop;
end $$;
select count(*) as samples, state, case when state like 'active%' then query else '' end as statement
from sample group by 2, 3 order by 1 desc limit 16;
SQL
}
jcmd "$API_PID" JFR.start name=wrk settings=profile >/dev/null
wrk_run "$work/wrk-diag.txt" 2 "$CONNECTIONS" 8 &
diag_pid=$!; BG_PIDS+=("$diag_pid")
sleep 0.5
sample_db
wait "$diag_pid"
jcmd "$API_PID" JFR.dump name=wrk filename="$work/wrk.jfr" >/dev/null
jcmd "$API_PID" JFR.stop name=wrk >/dev/null
jfr_wrk=$(jfr_top "$work/wrk.jfr")
plan_id=$((first + 12))
sed "s/:rid/$plan_id/; s/;\$//" "$work/stmt.sql" >"$work/plan-stmt.sql"
q -c "explain (analyze, timing off, summary on) $(cat "$work/plan-stmt.sql")" >/dev/null # warm the caches
plan=$(q -c "explain (analyze, timing off, summary on) $(cat "$work/plan-stmt.sql")" | grep -E '^(Sort|Planning Time|Execution Time|JIT)|^  Functions' || true)
plan_cost=$(sed -n '1s/.*cost=[0-9.]*\.\.\([0-9.]*\) .*/\1/p' <<<"$plan")
same_explain() { printf 'begin;\nexplain (analyze, timing off, summary on) '; cat "$work/same-work.sql"; printf 'rollback;\n'; }
same_explain >"$work/same-explain.sql"
q "${PSQL_SAME_VARS[@]}" -v rid="$plan_id" -f "$work/same-explain.sql" >/dev/null # warm
same_plan=$(q "${PSQL_SAME_VARS[@]}" -v rid="$plan_id" -f "$work/same-explain.sql" | sed -n '1p; /^Planning Time/p; /^Execution Time/p; /^JIT/,$p')

# ---- results ----------------------------------------------------------------------------------------
mem_gb=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cpu_model=$(awk -F': *' '/model name/ { print $2; exit }' /proc/cpuinfo)
pg_version=$(q -c "show server_version")
pg_settings=$(q -c "select string_agg(name || ' ' || current_setting(name), ', ' order by name) from pg_settings where name in ('jit', 'jit_above_cost', 'shared_buffers', 'work_mem', 'max_connections')")
java_version=$(java -version 2>&1 | head -1)
little_same=$(calc "$CONNECTIONS / $same_tps * 1000" 1)
little_api=$(calc "$CONNECTIONS / $api_rps * 1000" 1)
little_sql=$(calc "$CONNECTIONS / $sql_tps * 1000" 0)
little_prep=$(calc "$CONNECTIONS / $prep_tps * 1000" 0)
needed_rps=$(calc "$CONNECTIONS / 0.030" 0)
needed_ratio_rps=$(calc "$same_tps * 0.8" 0)
api_tables=$(per_call "$work/api-stats0" "$work/api-stats1" "$window_calls")
sql_tables=$(per_call "$work/pgb-stats0" "$work/pgb-stats1" "${sql_tx:-1}")
same_tables=$(per_call "$work/same-stats0" "$work/same-stats1" "${same_tx:-1}")
# CPU per call: the API's JVM, its database connections, and the same work's backends (cores ÷ calls per second).
api_ms_call=$(calc "${api_cpu[0]} / $api_rps * 1000" 2); apidb_ms_call=$(calc "${api_cpu[1]} / $api_rps * 1000" 2)
same_ms_call=$(calc "${same_cpu[0]} / $same_tps * 1000" 2)
# Share of the API's JFR samples under the caller's authentication (jp.tsunagu.auth: the account read on each request).
auth_share=$(awk '/^innermost jp.tsunagu frame/ { on = 1; next } /^$/ { if (on) exit } on && $3 ~ /^jp\.tsunagu\.auth\./ { n += $1 }
  /^samples: / { total = $2 } END { printf "%.0f", total ? 100 * n / total : 0 }' <<<"$jfr_wrk")
auth_scans=$(awk -F' [|] ' '$1 ~ /^[|] account/ { printf "%s%s %s", sep, substr($1, 3), $2; sep = ", " }' <<<"$api_tables")
cpu_line_api="API ${api_cpu[0]}, the API's PostgreSQL backends ${api_cpu[1]}, wrk ${api_cpu[2]}, everything else (other users) $api_cpu_rest, idle $api_cpu_idle"
cpu_line_same="pgbench's PostgreSQL backends ${same_cpu[0]}, pgbench ${same_cpu[1]}, API (idle) ${same_cpu[2]}, everything else (other users) $same_cpu_rest, idle $same_cpu_idle"
cpu_line_sql="pgbench's PostgreSQL backends ${sql_cpu[0]}, pgbench ${sql_cpu[1]}, API (idle) ${sql_cpu[2]}, everything else (other users) $sql_cpu_rest, idle $sql_cpu_idle"
cpu_line_prep="pgbench's PostgreSQL backends ${prep_cpu[0]}, pgbench ${prep_cpu[1]}, API (idle) ${prep_cpu[2]}, everything else (other users) $prep_cpu_rest, idle $prep_cpu_idle"
cat >"$work/RESULTS.md" <<EOF
# Matching benchmark results

Written by \`bash bench/matching.sh\` (\`make bench\`, after the KPI benchmark); see bench/README.md for what is measured and why.
All numbers below come from one run on one machine; the API and the statements alone ran one after the other on the same data.

| | |
|---|---|
| Date | $(date -u '+%Y-%m-%d %H:%M UTC') |
| Machine | $(nproc) cores ($cpu_model), ${mem_gb} GB RAM, load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared) |
| Code | git $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- backend/src 2>/dev/null || echo " (backend/src has uncommitted changes)"); API jar built $(date -u -r "$API_JAR" '+%Y-%m-%d %H:%M:%S UTC') |
| Software | $java_version; PostgreSQL $pg_version ($pg_settings); API \`-Xmx$XMX -XX:+UseG1GC\`, profile prod |
| Areas | 1 city, $n_wards wards, $n_districts school districts, $n_neigh neighbourhoods; $n_groups supporter groups ($n_paid PAID) |
| Supporters | $n_sup ($n_active active, $n_vehicle with a vehicle, $n_free with free capacity), $n_supcat category rows, $n_slots weekly slots |
| Requests | $n_rec recipients; $n_past past requests (COMPLETED, $n_recent in the last 90 days) with $n_assign assignments; $n_open open requests (ids $first … $last) |
| Database | $db_size; generated in $gen_secs s (bench/matching-generate.sql) |
| Candidates | per open request (the bare SQL): min $cand_min, median $cand_med, mean $cand_mean, max $cand_max |

## Summary

| Target | Measured | Result |
|---|---|---|
| Candidate ranking p95 < 30 ms at $CONNECTIONS concurrent clients (wrk, loopback) | p95 **$api_p95 ms** (p50 $api_p50, p99 $api_p99) | **$latency_ok** |
| API requests/s ≥ 0.8 × the same work in the database alone (the API's own statement — ranking, JSON, audit_log and request_event rows — \`pgbench -M prepared\`, same data, same run) | $api_rps vs $same_tps = **$ratio_same** | **$same_ok** |
| Earlier target: p95 < 50 ms at $CONNECTIONS clients | p95 $api_p95 ms | $latency50_ok |
| Earlier target: API requests/s ≥ ½ × the ranking alone (\`pgbench -f bench/matching.pgbench\`, simple protocol; no JSON, no rows written) | $api_rps vs $sql_tps = $ratio | $throughput_ok |

Reference, not a target: against the ranking alone as a prepared statement (\`pgbench -M prepared -f bench/matching.pgbench\`, $prep_tps tps) the ratio is $ratio_prep.
At $CONNECTIONS clients each waiting for its answer, the mean latency is $CONNECTIONS ÷ throughput (Little's law): the API's $api_rps calls/s
mean $little_api ms, and a p95 under 30 ms needs well over $needed_rps calls/s; 0.8 × the same work alone is $needed_ratio_rps calls/s.
The same work alone reached $same_tps tps (mean $little_same ms), the ranking alone $sql_tps tps (mean $little_sql ms; prepared:
$prep_tps tps, mean $little_prep ms), on these $(nproc) cores.

Where the time goes (section 4): per call the API's JVM used $api_ms_call ms of CPU and its database connections $apidb_ms_call ms
(the same work alone: $same_ms_call ms in its backends); other processes on the machine used ${api_cpu_rest} of the $(nproc) cores
during the API's run (${same_cpu_rest} during the same work's). Besides the statement, each call reads the caller's account
(table scans per call: ${auth_scans:-none}); $auth_share % of the API's JFR samples are under jp.tsunagu.auth.

## 1. The same candidates

Before measuring, the API's answer (\`.items[]\`: supporter, score, area, the five parts) and the bare SQL's rows were compared
for $(echo "${#checked[@]}") open requests (request id: candidates): $(printf '%s; ' "${checked[@]}")identical, in the same order.
Of those candidates, $cont_share % have continuity with the recipient and $near_share % live in the recipient's own neighbourhood.

The baseline of the target is the API's own statement: \`CandidateRanking.CANDIDATES\` read from the built jar by reflection
(bench/batch-check/Statement.java; $same_source), its placeholders replaced by
pgbench variables — the request (random among the open ones), the caller's districts \`null\` (ADMIN sees every area, as the
API passes it), actor \`bench\`, address \`$api_ip\` (as the API records it), the weights $weights_json as the API answers them. Run by psql for the
same requests, it returned the API's body byte for byte ($(printf '%s; ' "${same_checked[@]}" | sed 's/; $//')) and wrote
the same audit_log row and request_event row as the API's call (compared column by column but for ids and times), e.g.
\`$(head -1 "$work/api-written.$first" | sed 's/|/ | /g')\` and \`$(tail -1 "$work/api-written.$first" | sed 's/|/ | /g')\`.

## 2. The API under load

\`wrk -t2 -c$CONNECTIONS -d${RUN_SECONDS}s --latency\` on \`GET /api/v1/support-requests/{id}/candidates\` with the ADMIN bearer JWT,
the id rotating over the $n_open open requests (a Lua script; its \`done\` prints the percentiles), after $WARMUP s of the same calls
(the JIT compilers' work on 2 cores lasts about a minute) and 5 s of each pgbench run. Each call also inserts an audit_log row and a request_event row (CANDIDATES_VIEWED), in the same statement;
it does not change the request's status (調整を始める is a separate call).

- Requests/s: **$api_rps** ($api_requests requests; non-2xx: $api_non2xx; socket errors: $api_socket; audit rows written: $audit_rows)
- Latency: p50 $api_p50 ms, p90 $api_p90 ms, **p95 $api_p95 ms**, p99 $api_p99 ms, max $api_max ms
- CPU from 1 s after the start to 1 s before the end, in cores of $(nproc): $cpu_line_api

\`\`\`
$(grep -v '^LUA' "$work/wrk.txt")
\`\`\`

## 3. The statements alone

**The same work** (the target's baseline): \`pgbench -n -M prepared -c$CONNECTIONS -j2 -T$RUN_SECONDS\` on the API's own statement
(section 1; the generated script is below), the request drawn at random from the open ones: per transaction, the ranking, the JSON
document, the audit_log row and the request_event row — what one API call asks of the database, in one prepared statement
as the API's driver sends it. **The ranking alone** (the earlier baseline, \`bench/matching.pgbench\`): the scope, the API's filters
and subqueries, the score parts and the score, ordered by score, with no JSON and no rows written, once in the simple protocol
(each statement parsed and planned) and once prepared. Latencies from pgbench's per-transaction log (-l).

| | tps | failed | p50 | p95 | p99 | CPU during the run (cores of $(nproc)) |
|---|---|---|---|---|---|---|
| the same work, -M prepared (the target's baseline) | **$same_tps** | $same_failed | $same_p50 ms | $same_p95 ms | $same_p99 ms | $cpu_line_same |
| the ranking alone (the earlier baseline) | $sql_tps | $sql_failed | $sql_p50 ms | $sql_p95 ms | $sql_p99 ms | $cpu_line_sql |
| the ranking alone, -M prepared (reference) | $prep_tps | $prep_failed | $prep_p50 ms | $prep_p95 ms | $prep_p99 ms | $cpu_line_prep |

\`\`\`
$(sed -n '/^transaction type/,$p' "$work/same.txt")
\`\`\`

<details><summary>The same-work pgbench script (generated from the built jar)</summary>

\`\`\`sql
$(cat "$work/same-work.pgbench")
\`\`\`
</details>

## 4. Diagnostics

### One client alone (5 s each): the cost of one call without queueing

| | calls/s | p50 | p95 |
|---|---|---|---|
| API (wrk -t1 -c1) | $one_api_rps | $one_api_p50 ms | $one_api_p95 ms |
| the same work alone (pgbench -c1 -M prepared) | $one_same_tps | $one_same_p50 ms | $one_same_p95 ms |
| the ranking alone (pgbench -c1) | $one_sql_tps | $one_sql_p50 ms | $one_sql_p95 ms |
| the ranking alone, prepared (pgbench -c1 -M prepared) | $one_prep_tps | $one_prep_p50 ms | – |

### Table accesses per call (pg_stat_user_tables: sequential + index scans, rows inserted/updated)

The API over the measured window (≈ $window_calls calls, counted by their audit rows):

| table | scans/call | inserted/call | updated/call |
|---|---|---|---|
$api_tables

The same work alone (pgbench -M prepared, $same_tx transactions):

| table | scans/call | inserted/call | updated/call |
|---|---|---|---|
$same_tables

The ranking alone (pgbench, $sql_tx transactions):

| table | scans/call | inserted/call | updated/call |
|---|---|---|---|
$sql_tables

### What the API's database connections do during wrk (pg_stat_activity, 350 samples × 20 ms)

\`\`\`
$(cat "$work/db-samples.txt")
\`\`\`

### JFR execution samples of the API during wrk (8 s)

\`\`\`
$jfr_wrk
\`\`\`

### The ranking alone: its plan for request $plan_id (EXPLAIN ANALYZE, warm; estimated cost $plan_cost)

\`\`\`
$plan
\`\`\`

### The same work for request $plan_id (EXPLAIN ANALYZE, warm, in a transaction rolled back)

\`\`\`
$same_plan
\`\`\`
EOF
mv "$work/RESULTS.md" "$RESULTS"
say "Latency $latency_ok (p95 $api_p95 ms < 30), throughput $same_ok ($api_rps vs the same work alone $same_tps = $ratio_same ≥ 0.8) — see bench/RESULTS-matching.md"
