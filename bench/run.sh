#!/usr/bin/env bash
# The KPI benchmark (make bench): a large city in a database of its own, the built API in the prod profile
# with a small heap, and in one run:
#   1. throughput: the full CSV pull of /api/v1/kpis against psql \copy of the same rows (indicator × option × year, pivoted in SQL)
#   2. memory: the live heap (after a forced GC) while a slow client pulls 1 plan vs all 20 plans
#   3. load: a single-indicator KPI read with wrk on loopback
#   4. diagnostics: CPU per process, what the database connections do (pg_stat_activity), JFR samples of the API
# Writes bench/RESULTS.md. Everything runs on 127.0.0.1; the database is dropped and the API stopped on exit.
# Knobs (environment): BENCH_XMX (256m), BENCH_REPEAT (3), BENCH_WRK_SECONDS (15), BENCH_WRK_CONNECTIONS (16).
set -euo pipefail
export LC_ALL=C
. "$(dirname "$0")/../.ci/lib/common.sh"
cd "$ROOT"

XMX=${BENCH_XMX:-256m}
REPEAT=${BENCH_REPEAT:-3}
WRK_SECONDS=${BENCH_WRK_SECONDS:-15}
WRK_CONNECTIONS=${BENCH_WRK_CONNECTIONS:-16}
RESULTS="$ROOT/bench/RESULTS.md"

# ---- tools, database, API (bench/lib.sh) -----------------------------------------------------------
. "$ROOT/bench/lib.sh"
bench_tools java jcmd jfr psql curl awk -- wrk
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
# KpiQuery.run's query with its parameters as a full pull binds them (no plan, no indicator, no cursor).
SAME_ROWS=$(tr '\n' ' ' <<'SQL'
select p.code, p.title, n.code, i.code, i.name, i.unit, i.direction, o.name, v.fiscal_year,
       max(v.value) filter (where v.kind = 'BASELINE') as baseline,
       max(v.value) filter (where v.kind = 'TARGET') as target, max(v.marker) filter (where v.kind = 'TARGET') as target_marker,
       max(v.value) filter (where v.kind = 'ACTUAL') as actual, max(v.marker) filter (where v.kind = 'ACTUAL') as actual_marker,
       max(v.updated_at) as updated_at
from indicator i
join plan_node n on n.id = i.node_id
join plan p on p.id = n.plan_id
join indicator_value v on v.indicator_id = i.id
left join indicator_option o on o.id = v.option_id
group by p.code, p.title, n.code, i.code, i.name, i.unit, i.direction, o.name, o.position, v.fiscal_year
order by i.code, coalesce(o.position, -1), v.fiscal_year
SQL
)

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
[ "$LINES" -eq "$expected_rows" ] || die "psql returned $LINES rows, expected $expected_rows."
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
ratio=$(calc "$api_rps / $psql_rps" 3)
time_ratio=$(calc "$psql_s / $api_s" 3)
throughput_ok=$(awk "BEGIN { print ($ratio >= 0.5) ? \"PASS\" : \"FAIL\" }")

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
wrk -t2 -c"$WRK_CONNECTIONS" -d5s -H "$AUTH" "$URL" >/dev/null # warm-up
pg_pids=$(q -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'" | tr '\n' ' ')
cpu_start
wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --latency -H "$AUTH" "$URL" >"$work/wrk.txt"
cpu_stop
wrk_rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/wrk.txt"); wrk_rps=${wrk_rps:-0}
wrk_non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.txt"); wrk_non2xx=${wrk_non2xx:-0}
wrk_errors=$(grep -m1 'Socket errors' "$work/wrk.txt" || echo "none")
lat50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt"); lat99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
load_ok=$(awk "BEGIN { print ($wrk_rps >= 1000 && $wrk_non2xx == 0) ? \"PASS\" : \"FAIL\" }")

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
| Full CSV pull: API rows/s ≥ ½ × psql \\copy rows/s | $api_rps vs $psql_rps rows/s = **$ratio** | **$throughput_ok** |
| Heap does not grow with the row count (streams) | live heap peak $(calc "$small_peak / 1024" 1) MB (1 plan, $small_rows rows) vs $(calc "$full_peak / 1024" 1) MB (all, $full_rows rows): $growth_mb MB for $(calc "$full_rows / $small_rows" 0)× the rows, full pull complete under -Xmx$XMX | **$heap_ok** |
| Single-indicator read ≥ 1,000 requests/s (wrk, loopback, $(nproc) cores) | **$wrk_rps** requests/s | **$load_ok** |

## 1. Full CSV pull vs psql \\copy

Median of $REPEAT alternating pulls after one warm-up pull each. psql runs KpiQuery's query
(\`\\copy (…) to stdout csv\`: the same rows, one per indicator × option × fiscal year with baseline, target and actual side by side, less the derived columns); the API answers \`GET /api/v1/kpis?format=csv\`
(one row per indicator × option × year with the derived columns). Rows are the lines each produced
(the API's CSV header excluded); both are read through a pipe into \`wc\`.

| | rows | bytes | seconds (runs) | rows/s | MB/s |
|---|---|---|---|---|---|
| psql \\copy | $psql_rows | $psql_bytes ($(mb "$psql_bytes") MB) | $psql_s (${psql_secs[*]}) | $psql_rps | $(calc "$psql_bytes / 1048576 / $psql_s" 1) |
| API CSV | $api_rows | $api_bytes ($(mb "$api_bytes") MB) | $api_s (${api_secs[*]}) | $api_rps | $(calc "$api_bytes / 1048576 / $api_s" 1) |

- Ratio of rows/s (the target, ≥ 0.5): **$ratio**
- Ratio of wall time for the same rows (psql s ÷ API s): $time_ratio
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
an indicator with 3 options) with the bearer JWT, after a 5 s warm-up. wrk, the API and PostgreSQL share the $(nproc) cores.

- Requests/s: **$wrk_rps** (latency p50 $lat50, p99 $lat99; non-2xx: $wrk_non2xx; socket errors: $wrk_errors)
- CPU during the run, in cores of $(nproc): API $cpu_api, this database's PostgreSQL backends $cpu_pg, everything else (wrk, other users) $cpu_rest, idle $cpu_idle

\`\`\`
$(cat "$work/wrk.txt")
\`\`\`

## 4. Diagnostics

### What the API's database connections do during wrk (pg_stat_activity, 350 samples × 20 ms)

Each sample lists every pooled connection of this database: idle (waiting for the API) or active with its statement.
The single-indicator read sends the ETag validator (KpiQuery.etag), the node map (KpiQuery.nodes) and the KPI query.

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
say "Throughput $throughput_ok ($ratio), heap $heap_ok ($growth_mb MB), load $load_ok ($wrk_rps req/s) — see bench/RESULTS.md"
