#!/usr/bin/env bash
# The KPI benchmark (make bench): a large city in a database of its own, the built API in the prod profile
# with a small heap, and in one run:
#   1. throughput: the full CSV pull of /api/v1/kpis against psql \copy of the statement the API runs for it (read
#      from the built jar), and every value of the API's CSV compared with the stored values
#   2. memory: the live heap (after a forced GC) while a slow client pulls 1 plan vs all 20 plans
#   3. load: a single-indicator KPI read with wrk on loopback, against pgbench -M prepared of the statements the API
#      sends for it (read from the built jar, same parameters)
#   4. sync: a pull with updatedSince after one value changed among 250,000
#   5. diagnostics: CPU per process, what the database connections do (pg_stat_activity), JFR samples of the API
# Writes bench/RESULTS.md. Everything runs on 127.0.0.1; the database is dropped and the API stopped on exit.
# Knobs (environment): BENCH_XMX (256m), BENCH_REPEAT (3), BENCH_WRK_SECONDS (15), BENCH_WRK_CONNECTIONS (16),
# BENCH_WRK_WARMUP (60: seconds of the same load before the single-indicator read is measured).
set -euo pipefail
export LC_ALL=C
. "$(dirname "$0")/../.ci/lib/common.sh"
cd "$ROOT"

XMX=${BENCH_XMX:-256m}
REPEAT=${BENCH_REPEAT:-3}
WRK_SECONDS=${BENCH_WRK_SECONDS:-15}
# On 2 cores the JIT compilers keep a core busy for about a minute of this load (async-profiler, itimer: half the
# API's CPU was C2 after 30 s of it), so the read is measured warm, after a minute of the same requests.
WRK_WARMUP=${BENCH_WRK_WARMUP:-60}
WRK_CONNECTIONS=${BENCH_WRK_CONNECTIONS:-16}
RESULTS="$ROOT/bench/RESULTS.md"

# ---- tools, database, API (bench/lib.sh) -----------------------------------------------------------
. "$ROOT/bench/lib.sh"
bench_tools java jcmd jfr psql pgbench curl awk -- wrk
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
bench_database bench_kpi
bench_api 18380

# ---- data -------------------------------------------------------------------------------------------
say "Generating the city (bench/generate.sql)"
t0=$(now)
q -f "$ROOT/bench/generate.sql" >/dev/null
# Write the generated pages out now, so that no checkpoint lands in the measurements.
q -c "checkpoint" >/dev/null 2>&1 || say "(no CHECKPOINT: not a superuser)"
gen_secs=$(calc "$(now) - $t0")
read -r n_plans n_nodes n_ind n_disagg n_values n_series expected_rows plan1_rows <<<"$(q -F ' ' -c "
  select (select count(*) from plan), (select count(*) from plan_node), (select count(*) from indicator),
         (select count(*) from indicator where disaggregation_name is not null), (select count(*) from indicator_value),
         (select count(*) from (select distinct indicator_id, option_id from indicator_value) s),
         (select count(*) from (select distinct indicator_id, option_id, fiscal_year from indicator_value) s),
         (select count(*) from (select distinct v.indicator_id, v.option_id, v.fiscal_year from indicator_value v
            join indicator i on i.id = v.indicator_id join plan_node n on n.id = i.node_id join plan p on p.id = n.plan_id
            where p.code = 'bench-plan-01') s)")"
db_size=$(q -c "select pg_size_pretty(pg_database_size(current_database()))")
say "$n_values value rows, $n_ind indicators; the API serves $expected_rows rows ($gen_secs s to generate)"

bench_admin_token   # sets TOKEN and AUTH

# ---- the pulls --------------------------------------------------------------------------------------
# The statement the API runs for a full pull (KpiQuery.ROWS, read from the built jar: no plan, no indicator, from the
# first indicator code), so that psql reads the same value rows the API reads and pivots.
SAME_ROWS=$(api_statement jp.tsunagu.indicator.KpiQuery ROWS "''" | tr '\n' ' ')
psql_expected=$(q -c "select count(*) from ($SAME_ROWS) s")

# pull_api QUERY [curl options…] / pull_psql: set SECS, LINES, BYTES.
pull_api() {
  local query=$1; shift
  local t out
  t=$(now)
  out=$(curl -sS --fail -H "$AUTH" "$@" "$BASE/api/v1/kpis?$query" | wc -lc) || die "The API pull ?$query failed."
  SECS=$(calc "$(now) - $t" 4)
  read -r LINES BYTES <<<"$out"
}
pull_psql() {
  local t out
  t=$(now)
  out=$(psql -X -q -v ON_ERROR_STOP=1 -c "\\copy ($SAME_ROWS) to stdout csv" | wc -lc) || die "psql \\copy failed."
  SECS=$(calc "$(now) - $t" 4)
  read -r LINES BYTES <<<"$out"
}

say "Warming up (one pull each, not counted)"
pull_psql
[ "$LINES" -eq "$psql_expected" ] || die "psql returned $LINES rows, expected $psql_expected."
pull_api "format=csv"
[ "$((LINES - 1))" -eq "$expected_rows" ] || die "The API returned $((LINES - 1)) rows, expected $expected_rows."

# CPU accounting: the API's process, the pooled PostgreSQL backends of this database (parallel workers are
# short-lived and counted under "everything else"), and the whole machine (/proc/stat).
pg_pids=$(q -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'" | tr '\n' ' ')
proc_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo "$t"; }
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
# shellcheck disable=SC2086
cpu_start() { j0=$(proc_ticks "$API_PID"); p0=$(proc_ticks $pg_pids); read -r b0 a0 <<<"$(machine_ticks)"; }
cpu_stop() { # → cpu_api cpu_pg cpu_rest cpu_idle, in cores
  local j1 p1 b1 a1 all
  # shellcheck disable=SC2086
  j1=$(proc_ticks "$API_PID"); p1=$(proc_ticks $pg_pids); read -r b1 a1 <<<"$(machine_ticks)"
  all=$((a1 - a0)); [ "$all" -gt 0 ] || all=1
  cpu_api=$(calc "$((j1 - j0)) / $all * $(nproc)"); cpu_pg=$(calc "$((p1 - p0)) / $all * $(nproc)")
  cpu_rest=$(calc "$(((b1 - b0) - (j1 - j0) - (p1 - p0))) / $all * $(nproc)"); cpu_idle=$(calc "$((all - (b1 - b0))) / $all * $(nproc)")
}

say "Throughput: $REPEAT alternating full pulls each"
psql_secs=(); api_secs=(); psql_cpu=(); api_cpu=()
for i in $(seq 1 "$REPEAT"); do
  cpu_start; pull_psql; cpu_stop; psql_secs+=("$SECS"); psql_rows=$LINES; psql_bytes=$BYTES
  psql_cpu+=("run $i: API $cpu_api, the API's PostgreSQL backends $cpu_pg, everything else (psql's backend, psql, wc, other users) $cpu_rest, idle $cpu_idle")
  cpu_start; pull_api "format=csv"; cpu_stop; api_secs+=("$SECS"); api_rows=$((LINES - 1)); api_bytes=$BYTES
  api_cpu+=("run $i: API $cpu_api, the API's PostgreSQL backends $cpu_pg, everything else (curl, wc, other users) $cpu_rest, idle $cpu_idle")
  [ "$api_rows" -eq "$expected_rows" ] || die "The API returned $api_rows rows, expected $expected_rows."
  echo "   run $i: psql ${psql_secs[-1]} s, API ${api_secs[-1]} s"
done
psql_s=$(echo "${psql_secs[*]}" | median)
api_s=$(echo "${api_secs[*]}" | median)
psql_rps=$(calc "$psql_rows / $psql_s" 0)
api_rps=$(calc "$api_rows / $api_s" 0)
# The same work: both read the same value rows with the same statement; psql writes them as they are, the API merges
# each series' rows into one per year and derives rates, grades and trends. So the ratio is of time for the same pull.
ratio=$(calc "$psql_s / $api_s" 3)
throughput_ok=$(awk "BEGIN { print ($ratio >= 0.5) ? \"PASS\" : \"FAIL\" }")

# Values, not only counts: the API's CSV loaded back into the database and compared, row by row, with what is
# stored: the same keys (indicator × option × year), and each row's baseline, target and actual.
say "Comparing every value of the API's CSV with the stored values"
curl -sS --fail -H "$AUTH" -o "$work/api.csv" "$BASE/api/v1/kpis?format=csv" || die "The API pull for the comparison failed."
read -r cmp_api cmp_stored cmp_missing cmp_extra cmp_baseline cmp_target cmp_actual <<<"$(q -F ' ' <<SQL
create temporary table api_rows (plan_code text, plan_title text, node_codes text, node_path text, indicator_code text,
  indicator_name text, unit text, direction text, option text, fiscal_year integer, baseline numeric, baseline_year integer,
  target numeric, target_in_force numeric, actual numeric, achievement_rate numeric, grade text, change_from_previous numeric,
  projected numeric, on_track text, not_set text, not_set_reason text, updated_at text, deleted text);
\copy api_rows from '$work/api.csv' csv header
with stored as (
  select i.code, coalesce(o.name, '') as option, v.fiscal_year,
         max(max(v.value) filter (where v.kind = 'BASELINE')) over (partition by i.code, coalesce(o.name, '')) as baseline,
         max(v.value) filter (where v.kind = 'TARGET') as target, max(v.value) filter (where v.kind = 'ACTUAL') as actual
  from indicator_value v join indicator i on i.id = v.indicator_id left join indicator_option o on o.id = v.option_id
  group by i.code, coalesce(o.name, ''), v.fiscal_year)
select (select count(*) from api_rows), (select count(*) from stored),
       count(*) filter (where a.indicator_code is null), count(*) filter (where s.code is null),
       count(*) filter (where s.code is not null and a.indicator_code is not null and a.baseline is distinct from s.baseline),
       count(*) filter (where s.code is not null and a.indicator_code is not null and a.target is distinct from s.target),
       count(*) filter (where s.code is not null and a.indicator_code is not null and a.actual is distinct from s.actual)
from stored s full join api_rows a on a.indicator_code = s.code and coalesce(a.option, '') = s.option and a.fiscal_year = s.fiscal_year;
SQL
)"
values_ok=$(awk "BEGIN { print ($cmp_api == $cmp_stored && $cmp_missing + $cmp_extra + $cmp_baseline + $cmp_target + $cmp_actual == 0) ? \"PASS\" : \"FAIL\" }")

# ---- heap -------------------------------------------------------------------------------------------
# The live heap is what a forced full GC leaves. A buffering endpoint would hold the rows (or the unsent
# body) while a slow client reads; a streaming one holds a fetch batch. So each pull is throttled to last
# about PULL_SECONDS, and the live heap is sampled (GC.run, then GC.heap_info) while it runs.
PULL_SECONDS=6
printf 'GC.run\nGC.heap_info\n' >"$work/gc.cmds"
live_heap_kb() { { jcmd "$API_PID" -f "$work/gc.cmds" 2>/dev/null || true; } | sed -n 's/.*heap *total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1; }
sample_heap() { # sample_heap OUT_FILE: until the file $work/stop-sampling appears
  while [ ! -e "$work/stop-sampling" ] && kill -0 "$API_PID" 2>/dev/null; do
    live_heap_kb >>"$1"
    sleep 0.3
  done
}
heap_pull() { # heap_pull QUERY BYTES_PER_SECOND → SAMPLES (kB list), PEAK_KB, SECS, LINES
  local samples="$work/heap.$RANDOM"
  rm -f "$work/stop-sampling"; : >"$samples"
  sample_heap "$samples" &
  local sampler=$!
  pull_api "$1" --limit-rate "$2"
  touch "$work/stop-sampling"; wait "$sampler"
  SAMPLES=$(tr '\n' ' ' <"$samples")
  PEAK_KB=$(sort -n "$samples" | tail -1)
}
say "Heap: live heap while a throttled client pulls one plan, then all plans"
pull_api "plan=bench-plan-01&format=csv"; small_bytes=$BYTES
idle_kb=$(live_heap_kb)
heap_pull "plan=bench-plan-01&format=csv" "$((small_bytes / PULL_SECONDS + 1))"
small_rows=$((LINES - 1)); small_secs=$SECS; small_samples=$SAMPLES; small_peak=$PEAK_KB
[ "$small_rows" -eq "$plan1_rows" ] || die "The one-plan pull returned $small_rows rows, expected $plan1_rows."
heap_pull "format=csv" "$((api_bytes / PULL_SECONDS + 1))"
full_rows=$((LINES - 1)); full_secs=$SECS; full_samples=$SAMPLES; full_peak=$PEAK_KB
[ "$full_rows" -eq "$expected_rows" ] || die "The throttled full pull returned $full_rows rows, expected $expected_rows."
after_kb=$(live_heap_kb)
heap_info=$(jcmd "$API_PID" GC.heap_info | sed 1d)
[ -n "$small_peak" ] && [ -n "$full_peak" ] || die "No heap samples (jcmd GC.heap_info)."
growth_mb=$(awk "BEGIN { printf \"%+.1f\", ($full_peak - $small_peak) / 1024 }")
heap_ok=$(awk "BEGIN { print ($full_peak - $small_peak <= 16 * 1024) ? \"PASS\" : \"FAIL\" }")

# ---- load -------------------------------------------------------------------------------------------
indicator=$(q -c "select code from indicator where disaggregation_name is not null order by code offset 800 limit 1")
one_rows=$(curl -fsS -H "$AUTH" "$BASE/api/v1/kpis?indicator=$indicator&format=csv" | wc -l)
one_rows=$((one_rows - 1))
URL="$BASE/api/v1/kpis?indicator=$indicator"
curl -fsS -o /dev/null -H "$AUTH" "$URL" || die "The single-indicator read failed."
say "Load: wrk on GET /api/v1/kpis?indicator=$indicator ($one_rows rows, JSON)"
wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_WARMUP}s" -H "$AUTH" "$URL" >/dev/null # warm-up
pg_pids=$(q -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'" | tr '\n' ' ')
cpu_start
wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --latency -H "$AUTH" "$URL" >"$work/wrk.txt"
cpu_stop
wrk_rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/wrk.txt"); wrk_rps=${wrk_rps:-0}
wrk_non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.txt"); wrk_non2xx=${wrk_non2xx:-0}
wrk_errors=$(grep -m1 'Socket errors' "$work/wrk.txt" || echo "none")
lat50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt"); lat99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
lat99_ms=$(awk -v l="$lat99" 'BEGIN { v = l + 0; if (l ~ /us$/) v /= 1000; else if (l ~ /ms$/) v += 0; else if (l ~ /s$/) v *= 1000; printf "%.2f", v }')

# The same work in the database alone: the statements a single-indicator read sends, as the API sends them (read from
# the built jar, with the same parameters), one transaction per read, pgbench -M prepared (parsed and planned once
# per connection, as the API's prepared statements are), 16 clients as wrk's connections. The cursor's indicator code
# (the empty string without a cursor) is a literal '': pgbench variables cannot be empty.
say "Baseline: pgbench -M prepared of the statements of GET /api/v1/kpis?indicator=$indicator"
{
  printf -- '-- the ETag validator and where the next updatedSince lies (KpiQuery.state)\n'
  api_statement jp.tsunagu.indicator.KpiQuery ETAG_OF_INDICATOR :indicator; printf ';\n'
  printf -- '-- the stream: a read-only transaction (pgjdbc sends BEGIN READ ONLY), the nodes of the plan, the rows\n'
  printf 'begin read only;\n'
  api_statement jp.tsunagu.indicator.KpiQuery NODES_OF_INDICATOR :indicator; printf ';\n'
  api_statement jp.tsunagu.indicator.KpiQuery ROWS_OF_INDICATOR "''" :indicator; printf ';\n'
  printf 'rollback;\n'
} >"$work/kpi-read.pgbench"
pgbench -n -M prepared -c"$WRK_CONNECTIONS" -j2 -T5 -D indicator="$indicator" -f "$work/kpi-read.pgbench" >/dev/null 2>&1 \
  || die "pgbench failed: $(pgbench -n -M prepared -c1 -j1 -t1 -D indicator="$indicator" -f "$work/kpi-read.pgbench" 2>&1 | tail -5)"
pgbench -n -M prepared -c"$WRK_CONNECTIONS" -j2 -T"$WRK_SECONDS" -D indicator="$indicator" -f "$work/kpi-read.pgbench" \
  -l --log-prefix="$work/pgb" >"$work/pgbench.txt" 2>&1 || die "pgbench failed: $(tail -5 "$work/pgbench.txt")"
pgb_tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$work/pgbench.txt" | awk '{ printf "%.0f", $1 }')
pgb_failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench.txt"); pgb_failed=${pgb_failed:-0}
pgb_p99_ms=$(cat "$work"/pgb.* | awk '{ print $3 / 1000 }' | sort -g | awk '{ a[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f", a[i] }')
pgb_p50_ms=$(cat "$work"/pgb.* | awk '{ print $3 / 1000 }' | sort -g | awk '{ a[NR] = $1 } END { i = int(NR * 0.50); if (i < 1) i = 1; printf "%.2f", a[i] }')
one_ratio=$(calc "$wrk_rps / $pgb_tps" 3)
load_ok=$(awk "BEGIN { print ($one_ratio >= 0.5 && $lat99_ms < 50 && $wrk_non2xx == 0 && $pgb_failed == 0) ? \"PASS\" : \"FAIL\" }")

# ---- sync -------------------------------------------------------------------------------------------
# A client that mirrors the KPIs keeps the last pull's nextUpdatedSince; then one value changes among all of them,
# and its next pull answers the changed series (each row's rate and trend depend on the whole series, so every row
# of that indicator × option comes back). Timed with curl, median of SYNC_REPEAT pulls (nothing changes between).
SYNC_REPEAT=21
say "Sync: updatedSince after one value changed"
since=$(curl -sS --fail -D - -o /dev/null -H "$AUTH" "$BASE/api/v1/kpis?indicator=$indicator" | tr -d '\r' | sed -n 's/^[Nn]ext-[Uu]pdated-[Ss]ince: //p')
[ -n "$since" ] || die "No Next-Updated-Since header."
sleep 0.01
changed_indicator=$(q -c "select code from indicator where disaggregation_name is null order by code offset 1200 limit 1")
q -c "update indicator_value set value = value + 1 where id = (select v.id from indicator_value v join indicator i on i.id = v.indicator_id
      where i.code = '$changed_indicator' and v.kind = 'ACTUAL' and v.fiscal_year = 2024)" >/dev/null
sync_times=()
for _ in $(seq 1 "$SYNC_REPEAT"); do
  sync_times+=("$(curl -sS --fail -G -o "$work/sync.json" -w '%{time_total}' -H "$AUTH" --data-urlencode "updatedSince=$since" "$BASE/api/v1/kpis")")
done
sync_rows=$(grep -o '"indicatorCode"' "$work/sync.json" | wc -l)
sync_codes=$(grep -o '"indicatorCode":"[^"]*"' "$work/sync.json" | sort -u | sed 's/.*:"\(.*\)"/\1/' | tr '\n' ' ')
[ "$sync_codes" = "$changed_indicator " ] || die "The sync pull answered indicators '$sync_codes', expected only $changed_indicator."
sync_ms=$(printf '%s\n' "${sync_times[@]}" | awk '{ print $1 * 1000 }' | median)
sync_max_ms=$(printf '%s\n' "${sync_times[@]}" | awk '{ print $1 * 1000 }' | sort -g | tail -1)
sync_ok=$(awk "BEGIN { print ($sync_ms < 20) ? \"PASS\" : \"FAIL\" }")

# ---- diagnostics ------------------------------------------------------------------------------------
say "Diagnostics: statement latencies and JFR samples"
# What this database's backends are doing while wrk runs: pg_stat_activity sampled every 20 ms from one
# session (the statements as the API sends them, so whatever SQL the built jar runs).
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
from sample group by 2, 3 order by 1 desc limit 12;
SQL
}
jfr_top() { # jfr_top FILE: the hottest top frames and the hottest jp.tsunagu frames of executor threads
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$1" | awk '
    /stackTrace = \[/ { inside = 1; first = 1; app = ""; next }
    inside && /^[[:space:]]*\]/ { inside = 0; total++; if (app != "") apps[app]++; next }
    inside && !/^[[:space:]]*\.\.\.[[:space:]]*$/ {
      f = $0; sub(/^[[:space:]]+/, "", f); sub(/[[:space:]]+line:.*/, "", f); sub(/\(.*/, "", f)
      if (first) { tops[f]++; first = 0 }
      if (app == "" && f ~ /^jp\.tsunagu\./) app = f
    }
    END {
      printf "samples: %d\n\nhottest top frames (self time):\n", total
      for (k in tops) printf "%6d  %5.1f%%  %s\n", tops[k], 100 * tops[k] / total, k | "sort -rn | head -15"
      close("sort -rn | head -15")
      printf "\ninnermost jp.tsunagu frame on the stack (time under it):\n"
      for (k in apps) printf "%6d  %5.1f%%  %s\n", apps[k], 100 * apps[k] / total, k | "sort -rn | head -10"
      close("sort -rn | head -10")
    }'
}
jcmd "$API_PID" JFR.start name=wrk settings=profile >/dev/null
wrk -t2 -c"$WRK_CONNECTIONS" -d8s -H "$AUTH" "$URL" >/dev/null &
wrk_pid=$!
sleep 0.5
sample_db
wait "$wrk_pid"
jcmd "$API_PID" JFR.dump name=wrk filename="$work/wrk.jfr" >/dev/null
jcmd "$API_PID" JFR.stop name=wrk >/dev/null
jfr_wrk=$(jfr_top "$work/wrk.jfr")
jcmd "$API_PID" JFR.start name=pull settings=profile >/dev/null
pull_api "format=csv"
jcmd "$API_PID" JFR.dump name=pull filename="$work/pull.jfr" >/dev/null
jcmd "$API_PID" JFR.stop name=pull >/dev/null
jfr_pull=$(jfr_top "$work/pull.jfr")

# ---- results ----------------------------------------------------------------------------------------
mem_gb=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cpu_model=$(awk -F': *' '/model name/ { print $2; exit }' /proc/cpuinfo)
pg_version=$(q -c "show server_version")
java_version=$(java -version 2>&1 | head -1)
mb() { calc "$1 / 1048576" 1; }
cat >"$work/RESULTS.md" <<EOF
# KPI benchmark results

Written by \`bash bench/run.sh\` (\`make bench\`); see bench/README.md for what is measured and why.
All numbers below come from one run on one machine; ratios compare measurements taken minutes apart on the same data.

| | |
|---|---|
| Date | $(date -u '+%Y-%m-%d %H:%M UTC') |
| Machine | $(nproc) cores ($cpu_model), ${mem_gb} GB RAM, load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared) |
| Code | git $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- backend/src 2>/dev/null || echo " (backend/src has uncommitted changes)"); API jar built $(date -u -r "$API_JAR" '+%Y-%m-%d %H:%M:%S UTC') |
| Software | $java_version; PostgreSQL $pg_version; API \`-Xmx$XMX -XX:+UseG1GC\`, profile prod |
| Data | $n_plans plans, $n_nodes nodes, $n_ind indicators ($n_disagg disaggregated into 3 options), $n_series series, fiscal years 2017–2031 |
| Rows | $n_values value rows (indicator_value); the API serves $expected_rows rows (indicator × option × fiscal year, baseline/target/actual merged); database $db_size; generated in $gen_secs s |

## Summary

| Target | Measured | Result |
|---|---|---|
| Full CSV pull: the API's time ≤ 2 × psql \\copy's of the same statement (ratio psql s ÷ API s ≥ 0.5) | $psql_s s vs $api_s s = **$ratio** | **$throughput_ok** |
| The API's CSV carries the stored values (every key, baseline, target and actual compared) | $cmp_api API rows vs $cmp_stored stored; missing $cmp_missing, extra $cmp_extra, baseline differs $cmp_baseline, target $cmp_target, actual $cmp_actual | **$values_ok** |
| Heap does not grow with the row count (streams) | live heap peak $(calc "$small_peak / 1024" 1) MB (1 plan, $small_rows rows) vs $(calc "$full_peak / 1024" 1) MB (all, $full_rows rows): $growth_mb MB for $(calc "$full_rows / $small_rows" 0)× the rows, full pull complete under -Xmx$XMX | **$heap_ok** |
| Single-indicator read ≥ 0.5 × pgbench -M prepared of its statements, p99 < 50 ms at $WRK_CONNECTIONS connections | $wrk_rps req/s vs $pgb_tps tps = **$one_ratio**; API p99 $lat99 | **$load_ok** |
| updatedSince pull after 1 value changed among $n_values, < 20 ms | median **$sync_ms ms** (max $sync_max_ms ms, $SYNC_REPEAT pulls), $sync_rows rows of $changed_indicator | **$sync_ok** |

## 1. Full CSV pull vs psql \\copy

Median of $REPEAT alternating pulls after one warm-up pull each. psql runs the statement the API runs for a full pull
(KpiQuery.ROWS, read from the built jar; \`\\copy (…) to stdout csv\`): the same value rows, one per indicator × option ×
fiscal year × kind, as they are. The API answers \`GET /api/v1/kpis?format=csv\` from the same rows: one row per
indicator × option × year with baseline, target and actual side by side and the derived columns (target in force,
rate, grade, change, projection, path). Both are read through a pipe into \`wc\`.

| | rows | bytes | seconds (runs) | rows/s | MB/s |
|---|---|---|---|---|---|
| psql \\copy (value rows) | $psql_rows | $psql_bytes ($(mb "$psql_bytes") MB) | $psql_s (${psql_secs[*]}) | $psql_rps | $(calc "$psql_bytes / 1048576 / $psql_s" 1) |
| API CSV (KPI rows) | $api_rows | $api_bytes ($(mb "$api_bytes") MB) | $api_s (${api_secs[*]}) | $api_rps | $(calc "$api_bytes / 1048576 / $api_s" 1) |

- Ratio of wall time for the same pull (psql s ÷ API s; the target, ≥ 0.5): **$ratio**
- Values: the API's CSV was loaded back (\`\\copy api_rows from …\`) and joined to the stored values pivoted by
  indicator × option × year: $cmp_api API rows, $cmp_stored stored keys; keys missing from the API $cmp_missing, keys the API
  has that are not stored $cmp_extra; rows whose baseline / target / actual differ: $cmp_baseline / $cmp_target / $cmp_actual.
- CPU during the psql pulls, in cores of $(nproc): $(printf '\n  - %s' "${psql_cpu[@]}")
- CPU during the API pulls, in cores of $(nproc): $(printf '\n  - %s' "${api_cpu[@]}")

## 2. Heap

The live heap is what \`jcmd GC.run\` leaves (\`GC.heap_info\` used), sampled every ~0.3 s while a client
throttled with \`curl --limit-rate\` reads for about ${PULL_SECONDS} s, so that a buffering server would be caught
holding the rows or the unsent body.

| | rows | seconds | live heap samples (kB) | peak |
|---|---|---|---|---|
| idle, before the pulls | – | – | $idle_kb | $(calc "$idle_kb / 1024" 1) MB |
| one plan (\`?plan=bench-plan-01\`) | $small_rows | $small_secs | $small_samples | $(calc "$small_peak / 1024" 1) MB |
| all plans | $full_rows | $full_secs | $full_samples | $(calc "$full_peak / 1024" 1) MB |
| idle, after the pulls | – | – | $after_kb | $(calc "$after_kb / 1024" 1) MB |

Criterion: the peak during the full pull exceeds the one-plan peak by at most 16 MB (the full CSV is $(mb "$api_bytes") MB),
and the full pull delivers every row under -Xmx$XMX. The one-plan body ($(mb "$small_bytes") MB) fits in the loopback socket
buffers, so that pull ends early whatever the throttle; its samples are close to idle.

\`\`\`
$heap_info
\`\`\`

## 3. Single-indicator read under load

\`wrk -t2 -c$WRK_CONNECTIONS -d${WRK_SECONDS}s --latency\` on \`GET /api/v1/kpis?indicator=$indicator\` (JSON, $one_rows rows,
an indicator with 3 options) with the bearer JWT, after ${WRK_WARMUP} s of the same load (the JIT compilers' work on 2 cores lasts about a
minute). wrk, the API and PostgreSQL share the $(nproc) cores.

- Requests/s: **$wrk_rps** (latency p50 $lat50, p99 $lat99; non-2xx: $wrk_non2xx; socket errors: $wrk_errors)
- CPU during the run, in cores of $(nproc): API $cpu_api, this database's PostgreSQL backends $cpu_pg, everything else (wrk, other users) $cpu_rest, idle $cpu_idle

\`\`\`
$(cat "$work/wrk.txt")
\`\`\`

### The same work in the database alone

\`pgbench -n -M prepared -c$WRK_CONNECTIONS -j2 -T$WRK_SECONDS\` (after 5 s of warm-up) of the statements the read sends, read
from the built jar with the same parameters (\`-D indicator=$indicator\`; the cursor's code, empty without a cursor, as the
literal \`''\` since pgbench variables cannot be empty), one transaction per read:

\`\`\`sql
$(cat "$work/kpi-read.pgbench")
\`\`\`

- Transactions/s: **$pgb_tps** (latency p50 $pgb_p50_ms ms, p99 $pgb_p99_ms ms from the per-transaction log; failed: $pgb_failed)
- The API's requests/s as a share of it: **$one_ratio** (target ≥ 0.5)

## 4. Sync: updatedSince after one change

A client kept the \`Next-Updated-Since\` of its last pull; then one ACTUAL of $changed_indicator (2024) changed by SQL, among
$n_values value rows. \`GET /api/v1/kpis?updatedSince=…\` (JSON) answered $sync_rows rows, all of $changed_indicator: every year of
the changed series, since each row's target in force, rate and trend depend on the whole series. Times are curl's
\`time_total\` of $SYNC_REPEAT pulls in a row: ${sync_times[*]} s.

- Median **$sync_ms ms**, max $sync_max_ms ms (target < 20 ms)

## 5. Diagnostics

### What the API's database connections do during wrk (pg_stat_activity, 350 samples × 20 ms)

Each sample lists every pooled connection of this database: idle (waiting for the API) or active with its statement.
The single-indicator read sends the ETag validator with the watermark (KpiQuery.state), the node map (KpiQuery.nodes) and the KPI query.

\`\`\`
$(cat "$work/db-samples.txt")
\`\`\`

### JFR execution samples of the API during wrk (8 s)

\`\`\`
$jfr_wrk
\`\`\`

### JFR execution samples of the API during one full CSV pull

\`\`\`
$jfr_pull
\`\`\`
EOF
mv "$work/RESULTS.md" "$RESULTS"
say "Throughput $throughput_ok ($ratio), values $values_ok, heap $heap_ok ($growth_mb MB), load $load_ok ($one_ratio of pgbench, p99 $lat99), sync $sync_ok ($sync_ms ms) — see bench/RESULTS.md"
