#!/usr/bin/env bash
# Proves that the OrderGate WAR deploys unchanged on a full Payara Server 6, configured through the
# same ORDERGATE_* environment variables as Payara Micro: fetches the server with Maven, creates a
# domain in target/payara-server/, starts it, deploys the WAR at /, waits for readiness, creates a
# merchant through the admin API, sends one SCAYLE delegation (201 expected), checks that the rows
# landed in the configured database (so the environment reached the server's JVM), then undeploys
# and stops the domain. Run it through `./ordergate payara-server`, which builds the WAR (or takes
# ORDERGATE_WAR), prepares the database and exports the settings this script reads:
#
#   ORDERGATE_WAR, ORDERGATE_DB_URL/_USER/_PASSWORD, ORDERGATE_MASTER_KEY, ORDERGATE_ADMIN_PASSWORD,
#   DB_HOST, DB_PORT, DB_NAME   (parsed from ORDERGATE_DB_URL by ./ordergate)
#   ORDERGATE_HTTP_PORT         the domain's HTTP port; the other ports follow (portbase = port - 80:
#                               admin = port - 32, HTTPS = port + 1, ...)
#   ORDERGATE_PAYARA_VERSION    fish.payara.distributions:payara version (default 6.2025.10)
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."

: "${ORDERGATE_WAR:?run this through ./ordergate payara-server}"
: "${ORDERGATE_DB_URL:?run this through ./ordergate payara-server}"
: "${ORDERGATE_ADMIN_PASSWORD:?run this through ./ordergate payara-server}"
readonly VERSION=${ORDERGATE_PAYARA_VERSION:-6.2025.10}
readonly HTTP_PORT=${ORDERGATE_HTTP_PORT:-8080}
readonly PORTBASE=$((HTTP_PORT - 80))
readonly ADMIN_PORT=$((PORTBASE + 48))
readonly WORK=$PWD/target/payara-server
readonly DOMAIN_DIR=$WORK/domains
readonly DOMAIN=ordergate
readonly BASE=http://localhost:$HTTP_PORT
# SCAYLE's example delegation, the one the tests and the bench send (fixtures/README.md).
readonly DELEGATION=fixtures/scayle-order-delegation.json

step() {
    printf '[payara-server] %s\n' "$*"
}

fail() {
    printf '[payara-server] FAILED: %s\n' "$*" >&2
    local log=$DOMAIN_DIR/$DOMAIN/logs/server.log
    if [[ -f $log ]]; then
        printf '  --- last lines of %s ---\n' "$log" >&2
        tail -n 30 "$log" | sed 's/^/  /' >&2
    fi
    exit 1
}

# The distribution comes from Maven Central through Maven (and its local repository), like every
# other artifact of the build.
fetch() {
    local zip=$WORK/payara-$VERSION.zip
    if [[ ! -f $zip ]]; then
        step "fetching fish.payara.distributions:payara:$VERSION:zip with Maven"
        ./mvnw -B -q -N dependency:copy -Dartifact="fish.payara.distributions:payara:$VERSION:zip" \
            -DoutputDirectory="$WORK" || fail "Maven could not fetch payara $VERSION (set ORDERGATE_PAYARA_VERSION)"
    fi
    if [[ ! -x $WORK/payara-$VERSION/payara6/bin/asadmin ]]; then
        step "unpacking $zip"
        rm -rf "$WORK/payara-$VERSION"
        mkdir -p "$WORK/payara-$VERSION"
        unzip -q "$zip" -d "$WORK/payara-$VERSION"
    fi
    ASADMIN=$WORK/payara-$VERSION/payara6/bin/asadmin
}

asadmin() {
    "$ASADMIN" --interactive=false --port "$ADMIN_PORT" "$@"
}

stop_domain() {
    "$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null 2>&1 || true
}

http() {
    curl -sS -m 20 -o "$WORK/answer.json" -w '%{http_code}' "$@" || echo 000
}

fetch
command -v curl >/dev/null || fail "curl is missing"

step "creating domain '$DOMAIN' in $DOMAIN_DIR (HTTP $HTTP_PORT, admin $ADMIN_PORT, portbase $PORTBASE)"
stop_domain
rm -rf "${DOMAIN_DIR:?}/$DOMAIN"
"$ASADMIN" --interactive=false create-domain --domaindir "$DOMAIN_DIR" --portbase "$PORTBASE" --nopassword \
    --checkports=true "$DOMAIN" >"$WORK/create-domain.log" 2>&1 || { cat "$WORK/create-domain.log" >&2; fail "create-domain"; }

# start-domain launches the server JVM as a child of asadmin, which inherits this environment:
# MicroProfile Config then reads ORDERGATE_DB_URL and the rest exactly as on Payara Micro.
step "starting the domain (the server JVM inherits the ORDERGATE_* environment)"
trap stop_domain EXIT
"$ASADMIN" --interactive=false start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >"$WORK/start-domain.log" 2>&1 \
    || { cat "$WORK/start-domain.log" >&2; fail "start-domain"; }

step "deploying $ORDERGATE_WAR at /"
started=$SECONDS
asadmin deploy --contextroot / --name ordergate "$ORDERGATE_WAR" >"$WORK/deploy.log" 2>&1 \
    || { cat "$WORK/deploy.log" >&2; fail "asadmin deploy"; }
step "deployed in $((SECONDS - started)) s"

for ((i = 0; i < 120; i++)); do
    [[ $(http "$BASE/health/ready") == 200 ]] && break
    sleep 1
done
[[ $(http "$BASE/health/ready") == 200 ]] || fail "/health/ready did not answer 200 within 120 s"
step "ready: GET /health/ready -> 200 $(tr -d '\n' <"$WORK/answer.json")"

merchant=proof-$(date +%s)
status=$(http -u "admin:$ORDERGATE_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"merchantKey\": \"$merchant\"}" "$BASE/api/admin/scayle/merchants")
[[ $status == 201 ]] || fail "creating merchant $merchant: HTTP $status (is ORDERGATE_ADMIN_PASSWORD the admin's password in this database?) $(cat "$WORK/answer.json")"
step "merchant created: POST /api/admin/scayle/merchants -> 201 ($merchant)"
credentials=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["username"] + ":" + d["password"])' \
    "$WORK/answer.json")

sed -e "s/{{reference}}/$merchant-1/g" -e "s/{{merchant}}/$merchant/g" "$DELEGATION" >"$WORK/delegation.json"
status=$(http -u "$credentials" -H 'Content-Type: application/json' -H "X-Request-Id: $merchant" \
    --data-binary "@$WORK/delegation.json" "$BASE/api/scayle/order-delegations")
[[ $status == 201 ]] || fail "delegation: HTTP $status $(cat "$WORK/answer.json")"
step "delegation: POST /api/scayle/order-delegations -> 201 $(tr -d '\n' <"$WORK/answer.json" | cut -c1-80)..."

rows=$(PGPASSWORD=${ORDERGATE_DB_PASSWORD:-} psql -X -tA -h "$DB_HOST" -p "$DB_PORT" -U "${ORDERGATE_DB_USER:-postgres}" \
    -d "$DB_NAME" -v m="$merchant" <<<"SELECT count(*) FROM scayle_delegation WHERE merchant_key = :'m'") \
    || fail "cannot query $DB_NAME"
[[ $rows == 1 ]] || fail "the delegation is not in database $DB_NAME: the server did not use ORDERGATE_DB_URL"
step "the delegation is stored in $DB_NAME (ORDERGATE_DB_URL reached the server JVM)"

asadmin undeploy ordergate >"$WORK/undeploy.log" 2>&1 || { cat "$WORK/undeploy.log" >&2; fail "asadmin undeploy"; }
step "undeployed"
trap - EXIT
"$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null || fail "stop-domain"
step "domain stopped. PROOF PASSED on Payara Server $VERSION"
