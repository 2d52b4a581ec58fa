#!/usr/bin/env bash
# The harness installed like a user would: packed, installed offline from npm's cache into a scratch project outside the checkout, then run on the machine's own Node (--help, doctor, sim with a curl per vendor and kill $!, gate with a passing and a failing Python client).
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKOUT=$PWD
step() { printf '\ninstall-test: %s\n' "$*"; }
fail() { printf 'install-test: FAILED: %s\n' "$*" >&2; exit 1; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# Wall ms of each step, printed on one line at the end (the README's figures come from it) with the load average.
timings=""
took() { last=$(ms "$2"); timings="$timings $1=$last"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/harness-install-test-XXXXXX")
sim_pid=""
cleanup() {
  if [ -n "$sim_pid" ] && kill -0 "$sim_pid" 2>/dev/null; then kill "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The machine's own Node and npm: the PATH without any node_modules/.bin (npm scripts put the pinned Node 24 first).
MACHINE_PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v node_modules | paste -sd: -)
machine() { PATH="$MACHINE_PATH" "$@"; }
# The checkout's pinned Node runs the checkout's own tooling (scripts/*.ts).
PINNED_NODE="$CHECKOUT/node_modules/.bin/node"
step "machine's node: $(machine node --version), npm $(machine npm --version)"

step "npm pack (prepack compiles dist/)"
t0=$(date +%s%N)
npm pack --pack-destination "$work" --json > "$work/pack.json"
tarball="$work/$("$PINNED_NODE" -p "require('$work/pack.json')[0].filename")"
took pack "$t0"
echo "packed $(basename "$tarball") ($(du -k "$tarball" | cut -f1) kB) in $last ms"
shipped=$(tar tzf "$tarball")
echo "$shipped" | grep -E '\.test\.|/test-support\.|(^|/)test/' && fail "the package ships tests"
echo "$shipped" | grep -E '\.ts$' | grep -v '^package/dist/load/scripts/' && fail "the package ships TypeScript the runtime would have to strip"
echo "$shipped" | grep -qx 'package/dist/cli/harness.js' || fail "no dist/cli/harness.js in the package"
# What only tests use (tsconfig.build.json's plain exclude paths: helpers, their fixtures) stays out of the package.
for only_tests in $("$PINNED_NODE" -p "require('./tsconfig.build.json').exclude.filter((e) => !e.includes('*')).join(' ')"); do
  echo "$shipped" | grep -E "^package/dist/${only_tests%.ts}(\.js|/|$)" && fail "the package ships $only_tests, which only tests use"
done

step "scratch project outside the checkout, installed offline from npm's cache with the machine's npm"
project="$work/project"
"$PINNED_NODE" scripts/consumer-lock.ts "$work/pack.json" "$project"
cp examples/python/careful_client.py examples/python/broken_client.py "$project/"
cd "$project"
case "$PWD" in "$CHECKOUT"*) fail "the scratch project is inside the checkout" ;; esac
t0=$(date +%s%N)
machine npm ci --offline --no-audit --no-fund --loglevel=error
took install "$t0"
echo "installed in $last ms"
# What the package holds now, to prove at the end that running it wrote nothing into it.
package_state() { find node_modules/iot-command-harness -type f -print0 | sort -z | xargs -0 md5sum | md5sum; }
installed_state=$(package_state)

step "npx harness --help"
t0=$(date +%s%N)
machine npx harness --help > "$work/help.txt"
took help "$t0"
echo "answered in $last ms"
grep -q '^Usage: harness' "$work/help.txt" || fail "no usage text: $(cat "$work/help.txt")"
grep -q 'doctor' "$work/help.txt" || fail "--help does not list doctor"

step "npx harness doctor"
machine npx harness doctor || fail "harness doctor found something harness run needs missing"

# npx puts the project's node_modules/.bin first, where the node package links Node 24; called by the machine's
# node instead, the launcher starts the pinned Node 24 itself.
step "harness doctor and harness gate on a PATH without java: the missing tool named, one line of advice, exit 1"
nojava="$work/path-without-java"
mkdir -p "$nojava"
for tool in node npm npx sh env; do ln -s "$(machine command -v "$tool")" "$nojava/$tool"; done
set +e
PATH="$nojava" npx harness doctor gate > "$work/doctor-nojava.txt" 2>&1
code=$?
set -e
cat "$work/doctor-nojava.txt"
[ "$code" -eq 1 ] || fail "harness doctor gate exited $code without java (expected 1)"
grep -q '^MISSING java .* -- .*install Java' "$work/doctor-nojava.txt" || fail "harness doctor gate does not name java and its fix"
set +e
PATH="$nojava" npx harness gate -- python3 careful_client.py > "$work/gate-nojava.txt" 2>&1
code=$?
set -e
cat "$work/gate-nojava.txt"
[ "$code" -eq 1 ] || fail "harness gate exited $code without java (expected 1)"
[ "$(wc -l < "$work/gate-nojava.txt")" -eq 1 ] && grep -q '^harness gate: missing java (.*): install Java' "$work/gate-nojava.txt" \
  || fail "harness gate without java did not fail with the one line of advice"

# Run from another folder, the runtime still finds its pacts, fixtures and mappings: they resolve from the package.
step "the bin on the machine's node ($(machine node --version)), from a folder outside the project: harness contracts"
mkdir -p "$work/elsewhere"
(cd "$work/elsewhere" && machine node "$project/node_modules/.bin/harness" contracts) > "$work/contracts.txt" 2>&1 \
  || fail "the bin on the machine's node: $(cat "$work/contracts.txt")"
grep -q 'documented cases pinned' "$work/contracts.txt" || fail "the bin on the machine's node: $(cat "$work/contracts.txt")"

step "npx harness sim & ... one curl per vendor ... kill \$!"
ready="$work/sim.json"
tag="install-test-$$-$(date +%s%N)"
HARNESS_INSTALL_TEST=$tag PATH="$MACHINE_PATH" npx harness sim --devices 2 --ready-file "$ready" > "$work/sim.out" 2>&1 &
sim_pid=$!
t0=$(date +%s%N)
for _ in $(seq 1 120); do [ -s "$ready" ] && break; kill -0 "$sim_pid" 2>/dev/null || break; sleep 0.5; done
[ -s "$ready" ] || fail "harness sim never became ready: $(cat "$work/sim.out")"
took sim-ready "$t0"
echo "ready in $last ms (polled every 0.5 s)"
get() { "$PINNED_NODE" -p "require('$ready').$1"; }
W=$(get wiremockUrl); C=$(get controlUrl)
curl -sf "$W/iocm/app/sec/v1.1.0/login" -d "appId=$(get oceanconnect.appId)&secret=$(get oceanconnect.secret)" | grep -q accessToken \
  || fail "OceanConnect login through the installed simulator"
curl -sf "$W/v5/iot/$(get iotda.projectId)/devices/$(get 'iotda.devices[0]')/async-commands" -H "X-Auth-Token: $(get iotda.authToken)" \
  -H 'Content-Type: application/json' -d '{"paras":{"value":"ON"},"send_strategy":"delay"}' | grep -q '"status":"PENDING"' \
  || fail "IoTDA create command through the installed simulator"
AK=$(get enos.appKey); AS=$(get enos.appSecret); TS=$(date +%s%3N)
curl -sf "$W/apim-token-service/v2.0/token/get" -H 'Content-Type: application/json' \
  -d "{\"appKey\":\"$AK\",\"encryption\":\"$(printf '%s' "$AK$TS$AS" | sha256sum | cut -d' ' -f1)\",\"timestamp\":$TS}" \
  | grep -q '"accessToken"' || fail "EnOS token through the installed simulator"
echo "OceanConnect, IoTDA and EnOS answered through $W"
# The packaged WireMock extension (prebuilt by prepack, so the user needs no javac): JSON where Jetty and WireMock
# would answer with their own HTML.
curl -s "$W/v5/iot/p/devices/%00" | grep -q '"error":"bad-request"' || fail "an encoded NUL did not get the front door's JSON"
curl -s "$W/v5/iot/$(get iotda.projectId)/devices/d/async-commands" -H 'Content-Type: multipart/form-data' -d x \
  | grep -q '"error_code":"IOTDA.000' || fail "multipart without a boundary did not get IoTDA's error"
echo "the packaged WireMock extension answered an encoded NUL and a multipart body without a boundary as JSON"
t0=$(date +%s%N)
kill "$sim_pid"
left() { grep -lasF "HARNESS_INSTALL_TEST=$tag" /proc/[0-9]*/environ | cut -d/ -f3; }
for _ in $(seq 1 50); do [ -z "$(left)" ] && break; sleep 0.1; done
[ -z "$(left)" ] || fail "processes of the simulator left 5 s after kill \$!: $(for p in $(left); do tr '\0' ' ' < "/proc/$p/cmdline"; echo; done)"
curl -s -m 2 "$W/__admin/health" > /dev/null && fail "WireMock still answers at $W"
curl -s -m 2 "$C/clock" > /dev/null && fail "the platform model still answers at $C"
sim_pid=""
took sim-stop "$t0"
echo "every process gone and both ports free $last ms after kill \$!"

step "npx harness gate -- python3 careful_client.py (must pass)"
t0=$(date +%s%N)
machine npx harness gate -- python3 careful_client.py || fail "the gate failed the careful client"
took gate-pass "$t0"
echo "passed in $last ms"
[ -s reports/out/gate.json ] || fail "no reports/out/gate.json in the project"

step "npx harness gate -- python3 broken_client.py (must fail)"
t0=$(date +%s%N)
set +e
machine npx harness gate -- python3 broken_client.py > "$work/broken.txt" 2>&1
code=$?
set -e
cat "$work/broken.txt"
[ "$code" -eq 1 ] || fail "the gate exited $code on the broken client (expected 1)"
grep -q 'request-schema' "$work/broken.txt" || fail "no request-schema violation for the unauthenticated IoTDA read"
grep -q 'quirk' "$work/broken.txt" || fail "no quirk violation for the WAITTING the client refused"
took gate-fail "$t0"
echo "failed as it should in $last ms"

step "outputs in the project's tree, nothing written into the package"
[ "$(package_state)" = "$installed_state" ] || fail "running the harness changed files inside node_modules/iot-command-harness"
ls reports/out
step "passed; timings (ms):$timings; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
