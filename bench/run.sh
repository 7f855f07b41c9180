#!/usr/bin/env bash
# Runs the CanaryPy benchmark suite against servers that it starts itself on 127.0.0.1, and prints
# one table of medians. See bench/README.md for what each scenario measures.
#
# Settings (environment variables):
#   RUNS=3                       runs of each scenario; the table shows the median
#   DURATION=10                  seconds per wrk run (each run is bounded by it)
#   DATABASES="postgresql h2"    which databases to run on
#   SCALES="1000000 10000000"    stored signal counts to bulk-load into PostgreSQL and measure at
#   PORT=18080                   the port the benchmarked server listens on
#   PG_URL=postgresql://postgres@127.0.0.1:5432   the PostgreSQL server; database canarypy_bench
#                                is dropped and created again on each run
#   JAVA_OPTS_EXTRA=""           more JVM options for the server, e.g. a JFR recording
#   OUT=bench/results/<time>     where logs, raw results and the table go
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
export BENCH_DIR

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
DATABASES=${DATABASES:-postgresql h2}
SCALES=${SCALES:-1000000 10000000}
PORT=${PORT:-18080}
PG_URL=${PG_URL:-postgresql://postgres@127.0.0.1:5432}
PG_DB=canarypy_bench
JAVA_OPTS_EXTRA=${JAVA_OPTS_EXTRA:-}
OUT=${OUT:-$BENCH_DIR/results/$(date +%Y%m%d-%H%M%S)}
BASE=http://127.0.0.1:$PORT
PRODUCTS=20
THREADS=2

mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
: >"$RESULTS"
server_pid=""
jstat_pid=""

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

stop_server() {
  if [ -n "$jstat_pid" ]; then
    kill "$jstat_pid" 2>/dev/null || true
    wait "$jstat_pid" 2>/dev/null || true
    jstat_pid=""
  fi
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT

install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  command -v jq >/dev/null || missing+=(jq)
  command -v psql >/dev/null || missing+=(postgresql-client)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian"
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build_jar() {
  # The launcher builds the distribution jar when it is missing or older than the sources. It then
  # extracts the jar and creates its AppCDS archives, so that the server starts and the launcher
  # rows of cli_timing measure the start that users of the launcher get.
  "$ROOT/canarypy" --version >/dev/null
}

# Appends one result row: database, scenario, connections, run, requests/s, p50 ms, p99 ms,
# errors, requests, signals per request.
record() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"
}

# wrk_run DB SCENARIO CONNECTIONS RUN SIGNALS_PER_REQUEST SCRIPT PATH
wrk_run() {
  local db=$1 scenario=$2 connections=$3 run=$4 per_request=$5 script=$6 path=$7
  local line
  # Other processes on the machine skew the numbers; the load average shows when they ran.
  echo "$(date +%T) $db $scenario c=$connections run $run load: $(cut -d' ' -f1-3 /proc/loadavg)" \
    >>"$OUT/load.txt"
  # wrk needs at least one connection per thread.
  local threads=$((connections < THREADS ? connections : THREADS))
  line=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --timeout 5s \
    -s "$BENCH_DIR/wrk/$script" "$BASE$path" | grep '^RESULT')
  read -r _ rps p50 p99 errors requests <<<"$line"
  record "$db" "$scenario" "$connections" "$run" "$rps" "$p50" "$p99" "$errors" "$requests" "$per_request"
  log "$db $scenario c=$connections run $run: $rps req/s p50 $p50 ms p99 $p99 ms errors $errors"
}

start_server() {
  local db=$1
  local -a env_vars=(CANARYPY_API_HOST=127.0.0.1 CANARYPY_API_PORT="$PORT"
    CANARYPY_JAVA_OPTS="-Xmx256m $JAVA_OPTS_EXTRA")
  if [ "$db" = postgresql ]; then
    psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB" >/dev/null
    env_vars+=(CANARYPY_DB_CONN_STRING="$PG_URL/$PG_DB")
  else
    local home=$OUT/h2-home
    rm -rf "$home"
    mkdir -p "$home"
    env_vars+=(CANARYPY_HOME="$home" CANARYPY_DB_CONN_STRING=)
  fi

  local started=$(date +%s%N)
  env "${env_vars[@]}" "$ROOT/canarypy" api start >"$OUT/server-$db.log" 2>&1 &
  server_pid=$!
  local deadline=$((SECONDS + 60))
  until curl -sf -o /dev/null "$BASE/actuator/health/liveness"; do
    if [ $SECONDS -gt $deadline ] || ! kill -0 "$server_pid" 2>/dev/null; then
      log "the server did not start; see $OUT/server-$db.log"
      exit 1
    fi
    sleep 0.02
  done
  local ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  record "$db" "server start to first answer" 1 1 0 "$ready_ms" "$ready_ms" 0 1 0
  log "$db server (pid $server_pid) answered after $ready_ms ms"

  # Heap in use, sampled once a second without attaching to the JVM (jstat reads hsperfdata).
  jstat -gc "$server_pid" 1000 >"$OUT/jstat-$db.txt" 2>/dev/null &
  jstat_pid=$!
}

post_json() {
  printf '%s' "$2" | curl -sf -X POST "$BASE$1" -H 'Content-Type: application/json' \
    --data-binary @- >/dev/null
}

# Creates the bench-NN products with a stable 1.0.0 each, a canary 1.1.0 of bench-00 in its first
# band (30 days, 5 bands), and 1,000 signals spread over the stable releases.
seed() {
  local i name
  for i in $(seq 0 $((PRODUCTS - 1))); do
    name=$(printf 'bench-%02d' "$i")
    post_json /product "{\"name\":\"$name\",\"repository_url\":\"https://git.example.com/$name\",\"artifact_url\":\"registry.example.com/$name\"}"
    post_json /release "{\"artifact_url\":\"registry.example.com/$name\",\"semver_version\":\"1.0.0\"}"
  done
  post_json /release '{"artifact_url":"registry.example.com/bench-00","semver_version":"1.1.0","canary_period":30,"band_count":5}'

  local batch="["
  for i in $(seq 1 1000); do
    name=$(printf 'bench-%02d' $((i % PRODUCTS)))
    local status=success
    [ $((i % 50)) -eq 0 ] && status=failed
    batch+="{\"artifact_url\":\"registry.example.com/$name\",\"semver_version\":\"1.0.0\",\"instance_id\":\"seed-$i\",\"description\":\"nightly run\",\"status\":\"$status\"}"
    [ "$i" -lt 1000 ] && batch+=","
  done
  post_json /signals "$batch]"
}

# Loads one dashboard view as a browser does, one request after another on one connection: the
# page, its scripts and style, the product list, each product's releases, the hourly counts and
# the canary's events. Records the wall time per view over 20 views (curl's start-up included).
dashboard_run() {
  local db=$1 scenario=$2 run=$3
  local -a urls=("$BASE/" "$BASE/dashboard/app.js" "$BASE/dashboard/api.js"
    "$BASE/dashboard/views.js" "$BASE/dashboard/charts.js" "$BASE/dashboard/dashboard.css"
    "$BASE/product")
  local i
  for i in $(seq 0 $((PRODUCTS - 1))); do
    urls+=("$BASE/release/$(printf 'bench-%02d' "$i")")
  done
  urls+=("$BASE/metrics/releases" "$BASE/release/bench-00/1.1.0/events")
  local -a args=()
  for url in "${urls[@]}"; do args+=(-o /dev/null "$url"); done

  local times=() t0 errors=0
  for i in $(seq 1 20); do
    t0=$(date +%s%N)
    curl -sf "${args[@]}" || errors=$((errors + 1))
    times+=($(( ($(date +%s%N) - t0) / 1000 )))
  done
  local sorted p50 p99 total=0
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  p50=$(sed -n 10p <<<"$sorted")
  p99=$(sed -n 20p <<<"$sorted")
  for t in "${times[@]}"; do total=$((total + t)); done
  record "$db" "$scenario" 1 "$run" "$(awk -v n=20 -v t="$total" 'BEGIN { printf "%.1f", n / (t / 1e6) }')" \
    "$(awk -v t="$p50" 'BEGIN { printf "%.3f", t / 1000 }')" \
    "$(awk -v t="$p99" 'BEGIN { printf "%.3f", t / 1000 }')" "$errors" 20 0
  log "$db $scenario run $run: p50 $((p50 / 1000)) ms, max $((p99 / 1000)) ms"
}

warm_up() {
  log "warming up"
  local saved=$DURATION
  DURATION=5
  wrk_run warmup liveness 8 0 0 get.lua /actuator/health/liveness
  wrk_run warmup latest 8 0 0 get.lua /release/bench-00/latest
  wrk_run warmup latest-instance 8 0 0 latest-instance.lua /
  wrk_run warmup metrics 8 0 0 get.lua /metrics/releases
  DURATION=$saved
}

warm_up_writes() {
  local saved=$DURATION
  DURATION=5
  wrk_run warmup signal 16 0 1 signal.lua /
  BENCH_BATCH=100 wrk_run warmup signals-100 4 0 100 signals.lua /
  DURATION=$saved
}

read_scenarios() {
  local db=$1 label=$2 run=$3
  wrk_run "$db" "liveness$label" 8 "$run" 0 get.lua /actuator/health/liveness
  wrk_run "$db" "latest$label" 8 "$run" 0 get.lua /release/bench-00/latest
  wrk_run "$db" "latest?instance_id$label" 8 "$run" 0 latest-instance.lua /
  wrk_run "$db" "metrics/releases$label" 1 "$run" 0 get.lua /metrics/releases
  wrk_run "$db" "metrics/releases$label" 8 "$run" 0 get.lua /metrics/releases
  wrk_run "$db" "dashboard page /$label" 8 "$run" 0 get.lua /
  dashboard_run "$db" "dashboard view (22 requests)$label" "$run"
}

main_scenarios() {
  local db=$1 run=$2
  wrk_run "$db" "liveness" 64 "$run" 0 get.lua /actuator/health/liveness
  wrk_run "$db" "latest" 64 "$run" 0 get.lua /release/bench-00/latest
  wrk_run "$db" "latest?instance_id" 64 "$run" 0 latest-instance.lua /
}

write_scenarios() {
  local db=$1 run=$2
  wrk_run "$db" "POST /signal" 16 "$run" 1 signal.lua /
  BENCH_BATCH=100 wrk_run "$db" "POST /signals x100" 4 "$run" 100 signals.lua /
  BENCH_BATCH=1000 wrk_run "$db" "POST /signals x1000" 4 "$run" 1000 signals.lua /
}

stored_signals() {
  psql "$PG_URL/$PG_DB" -Atc "SELECT count(*) FROM signals"
}

# Tops the stored signals up to the target count with bench/load-signals.sql.
load_to() {
  local target=$1 have add started
  have=$(stored_signals)
  add=$((target - have))
  if [ "$add" -le 0 ]; then
    log "already $have signals stored, at least $target"
    return
  fi
  log "bulk-loading $add signals into PostgreSQL ($have stored)"
  started=$SECONDS
  psql "$PG_URL/$PG_DB" -q -v count="$add" -f "$BENCH_DIR/load-signals.sql" >/dev/null
  log "loaded in $((SECONDS - started)) s"
  echo "$target $((SECONDS - started))" >>"$OUT/load-times.txt"
  sleep 2
}

cli_timing() {
  local db=$1
  CANARYPY_URL=$BASE hyperfine -N --warmup 2 --runs 10 --export-json "$OUT/cli-$db.json" \
    "$ROOT/canarypy product list" "java -jar $ROOT/canarypy-cli/target/canarypy.jar product list" \
    >"$OUT/cli-$db.txt" 2>&1
  local label median
  for index in 0 1; do
    label=$([ "$index" = 0 ] && echo "canarypy product list (launcher)" || echo "canarypy product list (java -jar)")
    median=$(jq -r ".results[$index].median * 1000" "$OUT/cli-$db.json")
    record "$db" "$label" 1 1 0 "$median" "$median" 0 10 0
    log "$db $label: median $median ms"
  done
}

memory_report() {
  local db=$1 hwm heap
  hwm=$(awk '/VmHWM/ { print $2 / 1024 }' "/proc/$server_pid/status")
  # Heap in use = S0U + S1U + EU + OU, in KB; the highest one-second sample.
  heap=$(awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > max) max = used }
    END { printf "%.1f", max / 1024 }' "$OUT/jstat-$db.txt")
  record "$db" "peak heap used (MB)" 1 1 0 "$heap" "$heap" 0 1 0
  record "$db" "peak RSS VmHWM (MB)" 1 1 0 "$hwm" "$hwm" 0 1 0
  log "$db peak heap used $heap MB, peak RSS $hwm MB"
}

bench_database() {
  local db=$1 run scale
  # Start-up is measured on RUNS starts, each on a new database; the last start serves the rest.
  for run in $(seq 2 "$RUNS"); do
    start_server "$db"
    stop_server
  done
  start_server "$db"
  seed
  warm_up
  for run in $(seq 1 "$RUNS"); do read_scenarios "$db" "" "$run"; done
  for run in $(seq 1 "$RUNS"); do main_scenarios "$db" "$run"; done

  # The scale steps run before the write scenarios, so that every step beyond the seed's 1,000
  # signals is bulk-loaded: 30 days of hourly counters, as a long-running server has them.
  if [ "$db" = postgresql ]; then
    for scale in $SCALES; do
      load_to "$scale"
      for run in $(seq 1 "$RUNS"); do read_scenarios "$db" " @$scale" "$run"; done
    done
  fi

  warm_up_writes
  for run in $(seq 1 "$RUNS"); do write_scenarios "$db" "$run"; done
  cli_timing "$db"
  if [ "$db" = postgresql ]; then
    psql "$PG_URL/$PG_DB" -Atc "SELECT 'canary status: ' || status || ', stored signals: ' ||
      (SELECT count(*) FROM signals) FROM releases WHERE semver_version = '1.1.0'" >&2
  fi
  memory_report "$db"
  stop_server
}

print_table() {
  "$BENCH_DIR/table.sh" "$RESULTS" | tee "$OUT/table.md"
}

describe_machine() {
  {
    echo "cores: $(nproc)"
    echo "memory: $(free -h | awk '/^Mem:/ { print $2 }')"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "postgresql: $(psql "$PG_URL/postgres" -Atc 'SHOW server_version' 2>/dev/null || echo unknown)"
    echo "wrk threads: $THREADS, duration ${DURATION}s, runs $RUNS"
  } >"$OUT/machine.txt"
}

install_tools
build_jar
describe_machine
log "results go to $OUT"
for db in $DATABASES; do bench_database "$db"; done
print_table
