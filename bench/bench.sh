#!/usr/bin/env bash
# ./ordergate bench: starts its own OrderGate on a fresh database and measures, in one run on this
# machine, the SCAYLE delegation endpoint against the database's ceiling for the same inserts,
# redeliveries, a burst of simultaneous retries and the Scalepoint fetch drain. Results go to
# target/bench/ (JSON and Markdown); see docs/benchmark.md.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# Knobs (environment), defaults sized for a full run of a few minutes on 2 cores.
BENCH_PORT=${BENCH_PORT:-26010}
BENCH_SIMULATOR_PORT=${BENCH_SIMULATOR_PORT:-26081}
BENCH_DB=${BENCH_DB:-ordergate_bench}
BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-32}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_WARMUP=${BENCH_WARMUP:-15}
BENCH_DURATION=${BENCH_DURATION:-30}
BENCH_KNOWN=${BENCH_KNOWN:-100}
BENCH_BURST=${BENCH_BURST:-2000}
BENCH_EVENTS=${BENCH_EVENTS:-10000}
BENCH_SKUS=${BENCH_SKUS:-100}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms1g -Xmx1g}
readonly OUT=target/bench
readonly DB_HOST=127.0.0.1 DB_PORT=5432 DB_USER=postgres

say() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
# The 1-minute load average: on a shared machine the figures mean little without it.
load() { cut -d' ' -f1 /proc/loadavg; }
fail() { say "FAILED: $*"; exit 1; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -tA -h $DB_HOST -p $DB_PORT -U $DB_USER "$@"; }

for tool in wrk pgbench psql jq curl java; do
    command -v $tool >/dev/null || fail "$tool is missing (Debian: apt-get install wrk postgresql-client jq curl)"
done
mkdir -p "$OUT"
LOG=$OUT/ordergate.log
SERVER_PID=""
RUN_ID=$(date +%s)

cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        say "stopping OrderGate (pid $SERVER_PID)"
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- OrderGate on a fresh database
say "fresh database $BENCH_DB"
psql_db -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"

ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
BASE=http://127.0.0.1:$BENCH_PORT
say "starting OrderGate on port $BENCH_PORT (log: $LOG)"
ORDERGATE_HTTP_PORT=$BENCH_PORT \
ORDERGATE_DB_URL=jdbc:postgresql://$DB_HOST:$DB_PORT/$BENCH_DB \
ORDERGATE_DB_USER=$DB_USER ORDERGATE_DB_PASSWORD='' \
ORDERGATE_MASTER_KEY=$(head -c 32 /dev/urandom | base64) \
ORDERGATE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
ORDERGATE_OUTBOUND_ALLOW_INSECURE=true \
ORDERGATE_SCALEPOINT_TOKEN_URL=http://127.0.0.1:$BENCH_SIMULATOR_PORT/connect/token \
ORDERGATE_SCALEPOINT_ORDER_DATA_URL=http://127.0.0.1:$BENCH_SIMULATOR_PORT \
ORDERGATE_SCALEPOINT_EVENT_API_URL=http://127.0.0.1:$BENCH_SIMULATOR_PORT \
JAVA_OPTS="$BENCH_JAVA_OPTS" \
    ./ordergate run >"$LOG" 2>&1 &
SERVER_PID=$!
for i in $(seq 240); do
    curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || fail "OrderGate exited; see $LOG"
    ((i < 240)) || fail "OrderGate not ready after 240 s; see $LOG"
    sleep 1
done
say "OrderGate ready"

# The admin password travels to curl on stdin (a config line), never on a command line.
admin_post() {
    printf 'user = "admin:%s"\n' "$ADMIN_PASSWORD" | curl -fsS -K - -X POST -H 'Content-Type: application/json' \
        --data "$2" "$BASE/$1"
}
MERCHANT=$(admin_post api/admin/scayle/merchants "{\"merchantKey\":\"bench-$RUN_ID\"}") || fail "creating the merchant"
MERCHANT_KEY=$(jq -r .merchantKey <<<"$MERCHANT")
export BENCH_AUTH="Basic $(printf '%s:%s' "$(jq -r .username <<<"$MERCHANT")" "$(jq -r .password <<<"$MERCHANT")" | base64 -w0)"
export BENCH_MERCHANT=$MERCHANT_KEY BENCH_RUN=$RUN_ID BENCH_KNOWN
URL=$BASE/api/scayle/order-delegations

# wrk prints its JSON line from done(); the rest of its output goes to the log next to it.
run_wrk() {
    local name=$1 mode=$2 seconds=$3
    BENCH_MODE=$mode wrk -t "$BENCH_THREADS" -c "$BENCH_CONCURRENCY" -d "${seconds}s" --timeout 30s --latency \
        -s bench/delegation.lua "$URL" >"$OUT/wrk-$name.txt" 2>&1 || fail "wrk $name; see $OUT/wrk-$name.txt"
    grep '^BENCH_JSON ' "$OUT/wrk-$name.txt" | sed 's/^BENCH_JSON //'
}

# ---------------------------------------------------------------- 1. new orders, without and with stock
# The same new orders twice: first with SKUs that have no stock level (the default policy promises
# every unit and reserves nothing), then with SKUs that have levels (BENCH_SKUS of them): each order
# locks and reserves two level rows and writes its reservations and journal rows. Orders of
# different SKUs must not wait for each other; the ratio of the two runs is what reservation costs
# on the hot path. Both runs are measured after both warm-ups, so neither pays for the JIT alone.
say "warm-up: new orders for ${BENCH_WARMUP}s"
run_wrk warmup new "$BENCH_WARMUP" >/dev/null
say "stock: an API client of the warehouse sets levels for $BENCH_SKUS SKUs"
CLIENT=$(admin_post api/admin/fulfilment/clients '') || fail "creating a fulfilment client"
TOKEN=$(printf 'user = "%s:%s"\n' "$(jq -r .clientId <<<"$CLIENT")" "$(jq -r .clientSecret <<<"$CLIENT")" \
    | curl -fsS -K - -d grant_type=client_credentials "$BASE/oauth/token" | jq -r .access_token) || fail "a fulfilment token"
LEVELS=$(jq -cn --arg n "$BENCH_SKUS" '[range(0; ($n | tonumber)) | {sku: "BENCH-SKU-\(.)", onHand: 1000000000}]')
printf 'header = "Authorization: Bearer %s"\n' "$TOKEN" | curl -fsS -K - -X PUT -H 'Content-Type: application/json' \
    --data "{\"asOf\":\"$(date -u +%FT%TZ)\",\"levels\":$LEVELS}" "$BASE/api/fulfilment/stock" >/dev/null \
    || fail "setting stock levels"
say "warm-up: new orders with stock for ${BENCH_WARMUP}s"
BENCH_STOCK_SKUS=$BENCH_SKUS run_wrk warmup-stock new "$BENCH_WARMUP" >/dev/null

say "new orders: ${BENCH_DURATION}s at concurrency $BENCH_CONCURRENCY"
LOAD_NEW=$(load)
NEW=$(run_wrk new new "$BENCH_DURATION")
say "new orders: $NEW"
say "new orders with stock: ${BENCH_DURATION}s at concurrency $BENCH_CONCURRENCY"
LOAD_STOCK=$(load)
STOCK=$(BENCH_STOCK_SKUS=$BENCH_SKUS run_wrk new-stock new "$BENCH_DURATION")
say "new orders with stock: $STOCK"

# ---------------------------------------------------------------- 2. redeliveries of known orders
# Every wrk thread cycles through BENCH_KNOWN references: the first pass creates them, after it
# every request is a redelivery. The warm-up creates them all before the measured run.
say "known orders: creating $((BENCH_THREADS * BENCH_KNOWN)) orders, then ${BENCH_DURATION}s of redeliveries"
run_wrk known-warmup known "$BENCH_WARMUP" >/dev/null
KNOWN_ORDERS=$(psql_db -d "$BENCH_DB" -c "SELECT count(*) FROM scayle_delegation WHERE reference_key LIKE 'known-$RUN_ID-%'")
((KNOWN_ORDERS == BENCH_THREADS * BENCH_KNOWN)) \
    || say "WARNING: only $KNOWN_ORDERS of $((BENCH_THREADS * BENCH_KNOWN)) known orders exist after the warm-up"
LOAD_DUP=$(load)
DUP=$(run_wrk duplicates known "$BENCH_DURATION")
say "duplicates: $DUP"

# ---------------------------------------------------------------- 3. the database's ceiling
# The same inserts as one new delegation (bench/pgbench-delegation.sql), at the same concurrency.
say "pgbench: ${BENCH_DURATION}s at $BENCH_CONCURRENCY clients"
LOAD_PG=$(load)
pgbench -n -h $DB_HOST -p $DB_PORT -U $DB_USER -c "$BENCH_CONCURRENCY" -j "$BENCH_THREADS" -T "$BENCH_DURATION" \
    -M prepared -D run="$RUN_ID" -D merchant="$MERCHANT_KEY" -D payload="$(<fixtures/scayle-order-delegation.json)" \
    -f bench/pgbench-delegation.sql -P 10 \
    "$BENCH_DB" >"$OUT/pgbench.txt" 2>&1 || fail "pgbench; see $OUT/pgbench.txt"
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$OUT/pgbench.txt" | head -1)
PG_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench.txt" | head -1)
say "pgbench: $PG_TPS tps, average latency $PG_LAT ms"

# ---------------------------------------------------------------- 4 + 5. burst and Scalepoint (Java)
CLASSPATH_FILE=webapp/target/bench.classpath
if [[ ! -s $CLASSPATH_FILE || -n $(find webapp/src/test fixtures -newer "$CLASSPATH_FILE" -print -quit) ]]; then
    say "compiling the bench driver (webapp test classes)"
    ./mvnw -B -q -o test-compile dependency:build-classpath -pl webapp -am \
        -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >"$OUT/driver-build.txt" 2>&1 \
        || fail "building the bench driver; see $OUT/driver-build.txt"
fi
DRIVER_CP=webapp/target/test-classes:webapp/target/classes:$(<"$CLASSPATH_FILE")
driver() {
    ORDERGATE_ADMIN_PASSWORD=$ADMIN_PASSWORD java -Xss256k -cp "$DRIVER_CP" io.ordergate.webapp.it.BenchDriver "$@"
}

say "burst: $BENCH_BURST simultaneous deliveries (half redeliveries)"
LOAD_BURST=$(load)
ulimit -n "$(ulimit -Hn)"
BURST=$(driver burst "$BASE" "$BENCH_BURST" 2>>"$OUT/driver.txt") || fail "burst; see $OUT/driver.txt"
say "burst: $BURST"

say "scalepoint: $BENCH_EVENTS order_created events against the zero-latency simulator"
LOAD_SP=$(load)
SCALEPOINT=$(driver scalepoint "$BASE" "$BENCH_EVENTS" "$BENCH_SIMULATOR_PORT" \
    "jdbc:postgresql://$DB_HOST:$DB_PORT/$BENCH_DB?user=$DB_USER" 2>>"$OUT/driver.txt") \
    || fail "scalepoint; see $OUT/driver.txt"
say "scalepoint: $SCALEPOINT"

# ---------------------------------------------------------------- results
MACHINE=$(jq -n --arg nproc "$(nproc)" --arg ram "$(free -g | awk '/^Mem:/ {print $2 " GiB"}')" \
    --arg os "$(. /etc/os-release && echo "$PRETTY_NAME")" \
    --arg pg "$(psql_db -d postgres -c 'SHOW server_version')" \
    --arg jdk "$(java -version 2>&1 | head -1)" \
    --arg payara "$(grep -o 'Payara Micro [0-9][^ ]*' "$LOG" | head -1 | sed 's/Payara Micro //')" \
    '{nproc: $nproc, ram: $ram, os: $os, postgresql: $pg, jdk: $jdk, payara_micro: $payara}')
jq -n --argjson new "$NEW" --argjson stock "$STOCK" --argjson dup "$DUP" --argjson burst "$BURST" --argjson sp "$SCALEPOINT" \
    --argjson machine "$MACHINE" --arg pg_tps "$PG_TPS" --arg pg_lat "$PG_LAT" \
    --arg c "$BENCH_CONCURRENCY" --arg d "$BENCH_DURATION" --arg when "$(date -u +%FT%TZ)" \
    --arg skus "$BENCH_SKUS" --arg l6 "$LOAD_STOCK" \
    --arg l1 "$LOAD_NEW" --arg l2 "$LOAD_DUP" --arg l3 "$LOAD_PG" --arg l4 "$LOAD_BURST" --arg l5 "$LOAD_SP" '
    {when: $when, machine: $machine, concurrency: ($c | tonumber), duration_s: ($d | tonumber),
     load_average_at_start: {new_orders: ($l1 | tonumber), new_orders_with_stock: ($l6 | tonumber),
                             duplicates: ($l2 | tonumber), pgbench: ($l3 | tonumber),
                             burst: ($l4 | tonumber), scalepoint: ($l5 | tonumber)},
     new_orders: $new, new_orders_with_stock: ($stock + {skus: ($skus | tonumber)}),
     stock_vs_no_stock: (($stock.rps / $new.rps) * 100 | round / 100), duplicates: $dup,
     pgbench: {tps: ($pg_tps | tonumber), latency_avg_ms: ($pg_lat | tonumber)},
     ratio_vs_ceiling: (($new.rps / ($pg_tps | tonumber)) * 100 | round / 100),
     duplicates_vs_new: (($dup.rps / $new.rps) * 100 | round / 100),
     burst: $burst, scalepoint: $sp}' >"$OUT/bench.json"

jq -r '
  "# OrderGate benchmark (\(.when))",
  "",
  "Machine: \(.machine.nproc) cores, \(.machine.ram), \(.machine.os), PostgreSQL \(.machine.postgresql), \(.machine.jdk), Payara Micro \(.machine.payara_micro); wrk, pgbench, PostgreSQL and OrderGate share the cores. Concurrency \(.concurrency), \(.duration_s) s per run.",
  "",
  "1-minute load average when each part started (anything well above \(.machine.nproc) means other work competed): \(.load_average_at_start | to_entries | map("\(.key) \(.value)") | join(", ")).",
  "",
  "| measurement | figure | target |",
  "|---|---|---|",
  "| new orders | \(.new_orders.rps) /s, p50 \(.new_orders.p50_ms) ms, p99 \(.new_orders.p99_ms) ms, p99.9 \(.new_orders.p999_ms) ms, non-2xx \(.new_orders.non_2xx) | |",
  "| database ceiling (pgbench, same inserts) | \(.pgbench.tps) tx/s, avg \(.pgbench.latency_avg_ms) ms | |",
  "| **OrderGate ÷ ceiling** | **\(.ratio_vs_ceiling)** | ≥ 0.5 |",
  "| new orders reserving stock (\(.new_orders_with_stock.skus) SKUs with levels, 2 per order) | \(.new_orders_with_stock.rps) /s, p50 \(.new_orders_with_stock.p50_ms) ms, p99 \(.new_orders_with_stock.p99_ms) ms, non-2xx \(.new_orders_with_stock.non_2xx) | |",
  "| **with stock ÷ without** | **\(.stock_vs_no_stock)** | what reservation costs |",
  "| redeliveries of known orders | \(.duplicates.rps) /s, p50 \(.duplicates.p50_ms) ms, p99 \(.duplicates.p99_ms) ms, p99.9 \(.duplicates.p999_ms) ms, non-2xx \(.duplicates.non_2xx) | |",
  "| **duplicates ÷ new** | **\(.duplicates_vs_new)** | ≥ 3 |",
  "| burst of \(.burst.requests) simultaneous (\(.burst.known) known, \(.burst.new) new) | p50 \(.burst.p50_ms) ms, p99 \(.burst.p99_ms) ms, **p99.9 \(.burst.p999_ms) ms, max \(.burst.max_ms) ms**; statuses \(.burst.statuses | tostring) | p99.9 < 1 s, nothing near 15 s |",
  "| Scalepoint drain of \(.scalepoint.events) events | **\(.scalepoint.drain_per_s) /s** (\(.scalepoint.fetched) fetched in \(.scalepoint.drain_s) s) | ≥ 500/s |",
  "| event → snapshot latency | p50 \(.scalepoint.latency_p50_ms) ms, p99 \(.scalepoint.latency_p99_ms) ms, max \(.scalepoint.latency_max_ms) ms | |"
' "$OUT/bench.json" >"$OUT/bench.md"

printf '\n'
cat "$OUT/bench.md"
printf '\nWritten: %s/bench.json, %s/bench.md\n' "$OUT" "$OUT"
