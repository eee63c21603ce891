#!/usr/bin/env bash
# Gateway overhead and overload benchmark (README "Figures"). Needs the demo suite running (deploy/gems up)
# and wrk (Debian: apt-get install wrk). Starts its own gateway instance on port 18090 against
# the running services, so the limits can be set per phase, and measures direct vs gateway with the same client.
#
# Layouts (PIN). The services, Keycloak and PostgreSQL are pinned (taskset) to every core but the last; the bench
# gateway to the last, as it has a host or pod of its own in a deployment. Affinities are restored on exit.
# PIN=2 (the default on 2 or more cores): the load generator runs on the gateway's core, so in the direct and the
#   gateway run alike the services receive every request from another core, as a service does from remote
#   clients; the gateway shares its core with the client (a handicap for the gateway run).
# PIN=1: the load generator runs on the services' core. The direct run then has client and service on one core
#   (no cross-core wake-ups at all, which no deployment has), while the gateway run's client traffic crosses
#   cores and that kernel work lands on the services' core: a harsher comparison for the gateway.
# PIN=0: every process on every core, the gateway competing with the service it fronts.
#
# Knobs: PHASES (any of: throughput jwt latency overload limits; latency needs a throughput run's figures),
# ROUNDS, LATENCY_ROUNDS, DURATION, ROUND_SECS, CONNS, WARMUP (gateway), ROW_WARMUP (each endpoint, direct),
# GW_JAVA_OPTS (the bench gateway's JVM options).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source deploy/jdk.sh
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
curl -sf http://127.0.0.1:8080/q/health/ready >/dev/null || { echo "start the suite first: deploy/gems up" >&2; exit 1; }

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
LATENCY_ROUNDS=${LATENCY_ROUNDS:-5}   # a 10 s round's p99 varies by ±2 ms here; more rounds, steadier median
ROUND_SECS=${ROUND_SECS:-10}
CONNS=${CONNS:-32}
PORT=18090
# The bench gateway's JVM options (the demo suite's by default) and the phases to run (all by default).
GW_JAVA_OPTS=${GW_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
PHASES=" ${PHASES:-throughput jwt latency overload limits} "
phase() { [[ "$PHASES" == *" $1 "* ]]; }
token() {
  curl -s -d grant_type=password -d client_id=gems-cli -d "username=$1" -d password=gems-demo \
    http://localhost:8180/realms/gems/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN=$(token dolisa.officer)
cores=$(nproc --all)
PIN=${PIN:-$([ "$cores" -ge 2 ] && echo 2 || echo 0)}
ALL_CPUS="0-$((cores - 1))"
GW_CPUS=$((cores - 1))
SVC_CPUS="0-$((cores - 2))"
load=()   # prefix for the load generators
gw_cpu=() # prefix for the bench gateway
pinned=()
tree_of() { local p=$1 c; echo "$p"; for c in $(ps -o pid= --ppid "$p"); do tree_of "$c"; done; }
pin_services() {
  local f p
  for f in .gems/run/*.pid; do
    for p in $(tree_of "$(awk '{print $1}' "$f")"); do pinned+=("$p"); done
  done
  for p in $(pgrep -x postgres); do pinned+=("$p"); done
  for p in "${pinned[@]}"; do taskset -apc "$SVC_CPUS" "$p" >/dev/null 2>&1 || true; done
  load=(taskset -c "$([ "$PIN" = 2 ] && echo "$GW_CPUS" || echo "$SVC_CPUS")")
  gw_cpu=(taskset -c "$GW_CPUS")
}
unpin_services() {
  local p
  for p in "${pinned[@]}"; do taskset -apc "$ALL_CPUS" "$p" >/dev/null 2>&1 || true; done
}
GW_PID=
stop_gateway() {
  if [ -n "$GW_PID" ]; then kill "$GW_PID" 2>/dev/null || true; wait "$GW_PID" 2>/dev/null || true; fi
  GW_PID=
}
trap 'stop_gateway; unpin_services' EXIT
[ "$PIN" != 0 ] && pin_services
start_gateway() { # extra env as arguments
  stop_gateway
  env QUARKUS_HTTP_PORT=$PORT PLANS_URL=http://localhost:8081 INDICATORS_URL=http://localhost:8082 \
      REPORTING_URL=http://localhost:8083 OIDC_URL=http://localhost:8180/realms/gems CORS_ORIGINS=http://localhost \
      "$@" "${gw_cpu[@]}" "$JAVA_HOME/bin/java" $GW_JAVA_OPTS -jar gateway/target/quarkus-app/quarkus-run.jar \
      > /tmp/gems-bench-gateway.log 2>&1 &
  GW_PID=$!
  for _ in $(seq 1 200); do curl -sf http://127.0.0.1:$PORT/q/health/ready >/dev/null && break; sleep 0.1; done
  # Warm the JIT (C2 keeps compiling for ~90 s on 2 cores; measured before warm-up the gateway looks 3x slower)
  # and the JWKS cache.
  "${load[@]}" wrk -t2 -c"$CONNS" -d"${WARMUP:-90s}" -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$PORT/api/me >/dev/null
}
# CPU seconds a process has used (user + system)
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$1/stat"; }
svc_pid() { awk '{print $1}' "$root/.gems/run/$1.pid"; }
# wrk → "rps p99ms"
measure() {
  local url=$1; shift
  "${load[@]}" wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$@" "$url" | python3 -c '
import re,sys
t=sys.stdin.read()
rps=float(re.search(r"Requests/sec:\s+([0-9.]+)",t).group(1))
m=re.search(r"\n\s+99%\s+([0-9.]+)(us|ms|s)",t); v=float(m.group(1)); u=m.group(2)
p99=v/1000 if u=="us" else v*1000 if u=="s" else v
non2xx=re.search(r"Non-2xx or 3xx responses: (\d+)",t)
print(f"{rps:.0f} {p99:.2f} {non2xx.group(1) if non2xx else 0}")'
}
auth=(-H "Authorization: Bearer $TOKEN")
unlimited=(GEMS_GATEWAY_LIMITS_AUTHENTICATED_PER_MINUTE=1000000000 GEMS_GATEWAY_LIMITS_AUTHENTICATED_BURST=1000000
           GEMS_GATEWAY_LIMITS_ANONYMOUS_PER_MINUTE=1000000000 GEMS_GATEWAY_LIMITS_ANONYMOUS_BURST=1000000)
echo "== machine: $cores cores, pinned: $(case "$PIN" in
  1) echo "bench gateway alone on CPU $GW_CPUS, everything else (load generator included) on $SVC_CPUS" ;;
  2) echo "bench gateway and load generator on CPU $GW_CPUS, services, Keycloak and PostgreSQL on $SVC_CPUS" ;;
  *) echo no ;; esac), $(free -g | awk '/Mem/{print $2}') GB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); wrk -t2 -c$CONNS -d$DURATION, same client for both"
start_gateway "${unlimited[@]}"

if phase throughput; then
echo "throughput: $CONNS connections, direct and gateway alternate $ROUNDS times for $DURATION each; mean rate, median p99"
echo "(svc CPU/req: the service's CPU per request when called directly / through the gateway)"
printf "%-18s %9s %9s %6s %9s %9s %12s %12s\n" endpoint direct/s gateway/s ratio "p99 dir" "p99 gw" "svc CPU/req" "gw CPU/req"
row() { # name direct-url gateway-url [wrk args]: direct and gateway alternate, ROUNDS times each
  local name=$1 d=$2 g=$3; shift 3
  local svc; svc=$(svc_pid plans-service)
  # Warm the service's path too: right after 'deploy/gems up' the DB-backed GET runs ~1.5x slower for a while.
  "${load[@]}" wrk -t2 -c"$CONNS" -d"${ROW_WARMUP:-30s}" "$@" "$d" >/dev/null
  local r rps p99 non s0 s1 g0 g1 out=/tmp/gems-bench-$name.rounds
  : > "$out"
  for r in $(seq 1 "$ROUNDS"); do
    s0=$(cpu_of "$svc"); read -r rps p99 non < <(measure "$d" "$@"); s1=$(cpu_of "$svc")
    echo "direct $rps $p99 $non $(python3 -c "print($s1-$s0)")" >> "$out"
    g0=$(cpu_of "$GW_PID"); s0=$(cpu_of "$svc"); read -r rps p99 non < <(measure "$g" "$@"); g1=$(cpu_of "$GW_PID"); s1=$(cpu_of "$svc")
    echo "gateway $rps $p99 $non $(python3 -c "print($g1-$g0)") $(python3 -c "print($s1-$s0)")" >> "$out"
  done
  python3 - "$name" "$out" "${DURATION%s}" <<'PY'
import statistics, sys
name, out, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
rows = [l.split() for l in open(out)]
def arm(a):
    rs = [r for r in rows if r[0] == a]
    rps = [float(r[1]) for r in rs]
    cpu = lambda i: sum(float(r[i]) for r in rs) * 1e6 / (sum(rps) * secs)
    return (statistics.mean(rps), statistics.median(float(r[2]) for r in rs), sum(int(r[3]) for r in rs), cpu(4), rps,
            cpu(5) if a == "gateway" else None)
d, g = arm("direct"), arm("gateway")
ratios = " ".join(f"{b/a:.2f}" for a, b in zip(d[4], g[4]))
print(f"{name:<18} {d[0]:9.0f} {g[0]:9.0f} {g[0]/d[0]:6.2f} {d[1]:7.2f}ms {g[1]:7.2f}ms {d[3]:6.0f}/{g[5]:.0f}µs {g[3]:10.0f}µs   rounds: {ratios}"
      + (f"  (non-2xx: direct {d[2]}, gateway {g[2]})" if d[2] or g[2] else ""))
open(f"/tmp/gems-bench-{name}.direct", "w").write(f"{d[0]:.0f}\n")
PY
}
row trivial-api-me http://127.0.0.1:8081/api/me http://127.0.0.1:$PORT/api/me "${auth[@]}"
row db-get-agency http://127.0.0.1:8081/api/agencies/TTH-DOH http://127.0.0.1:$PORT/api/agencies/TTH-DOH "${auth[@]}"
fi

if phase jwt; then
echo
echo "== JWT checking at the gateway: the same public route (published data sets) with and without a token"
echo "   (the gateway verifies a token whenever one is sent, so the difference is the verification)"
pub=http://127.0.0.1:$PORT/api/public/values/publications
TOKEN=$(token dolisa.officer)   # tokens live 5 minutes
auth=(-H "Authorization: Bearer $TOKEN")
"${load[@]}" wrk -t2 -c"$CONNS" -d10s "$pub" >/dev/null
svc=$(svc_pid indicators-service)
g0=$(cpu_of "$GW_PID"); s0=$(cpu_of "$svc")
read -r anon_rps anon_p99 _ < <(measure "$pub")
g1=$(cpu_of "$GW_PID"); s1=$(cpu_of "$svc")
read -r jwt_rps jwt_p99 _ < <(measure "$pub" "${auth[@]}")
g2=$(cpu_of "$GW_PID"); s2=$(cpu_of "$svc")
python3 - "$anon_rps" "$jwt_rps" "$g0" "$g1" "$g2" "$s0" "$s1" "$s2" "${DURATION%s}" <<'PY'
import sys
a, j, g0, g1, g2, s0, s1, s2, secs = map(float, sys.argv[1:])
ga, gj = (g1-g0)*1e6/(a*secs), (g2-g1)*1e6/(j*secs)
sa, sj = (s1-s0)*1e6/(a*secs), (s2-s1)*1e6/(j*secs)
print(f"without token {a:.0f}/s, with token {j:.0f}/s (wall-clock throughput is noisy here; the CPU accounting below is not)")
print(f"gateway CPU per request {ga:.0f} µs without token, {gj:.0f} µs with: verification costs {gj-ga:.0f} µs,")
print(f"{100*(gj-ga)/(gj+sj):.1f}% of the CPU the request costs gateway and service together ({gj+sj:.0f} µs)")
PY
fi

if phase latency; then
echo
echo "== latency at half of direct saturation: wrk with Poisson arrivals (deploy/bench/paced.lua), 64 connections,"
echo "   same client for both; direct and gateway alternate $LATENCY_ROUNDS times for $ROUND_SECS s each; medians over the rounds"
TOKEN=$(token dolisa.officer)   # tokens live 5 minutes
auth=(-H "Authorization: Bearer $TOKEN")
latency_row() { # name path
  local name=$1 path=$2 half pace r out
  out=/tmp/gems-bench-$name.latency
  [ -f "/tmp/gems-bench-$name.direct" ] || { echo "no direct saturation figure for $name: run the throughput phase first" >&2; exit 1; }
  half=$(python3 -c "print(int($(cat "/tmp/gems-bench-$name.direct")/2))")
  pace=$(python3 -c "print(max(1, round(64 * 1000 / $half) - 1))")   # mean wait; ~1 ms of answer time on top
  : > "$out"
  for r in $(seq 1 "$LATENCY_ROUNDS"); do
    echo "direct $("${load[@]}" wrk -t2 -c64 -d"${ROUND_SECS}s" -s deploy/bench/paced.lua "${auth[@]}" http://127.0.0.1:8081$path -- "$pace" | grep '^paced')" >> "$out"
    echo "gateway $("${load[@]}" wrk -t2 -c64 -d"${ROUND_SECS}s" -s deploy/bench/paced.lua "${auth[@]}" http://127.0.0.1:$PORT$path -- "$pace" | grep '^paced')" >> "$out"
  done
  python3 - "$name" "$half" "$out" <<'PY'
import statistics, sys
name, half, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = []
for l in open(out):
    a, _, *kv = l.split()
    rows.append((a, {k: float(v) for k, v in (x.split("=") for x in kv)}))
def arm(a):
    rs = [r for x, r in rows if x == a]
    med = lambda k: statistics.median(r[k] for r in rs) / 1000
    return (sum(r["requests"] for r in rs) / sum(r["seconds"] for r in rs), med("p50us"), med("p99us"),
            sum(r["non2xx"] + r["timeouts"] for r in rs))
d, g = arm("direct"), arm("gateway")
print(f"{name:<18} half of saturation {half}/s; direct {d[0]:.0f}/s p50 {d[1]:.2f} p99 {d[2]:.2f} ms; gateway {g[0]:.0f}/s p50 {g[1]:.2f} p99 {g[2]:.2f} ms;"
      f" added p50 {g[1]-d[1]:+.2f} ms, p99 {g[2]-d[2]:+.2f} ms" + (f"  (non-2xx or timeouts: direct {d[3]:.0f}, gateway {g[3]:.0f})" if d[3] or g[3] else ""))
PY
}
latency_row trivial-api-me /api/me
latency_row db-get-agency /api/agencies/TTH-DOH
fi

if phase overload; then
echo
echo "== overload: 512 connections hammering the DB-backed GET (well past saturation); the gateway caps requests"
echo "   in flight to plans-service at 64, so the excess must be refused at once with 503 + Retry-After"
start_gateway "${unlimited[@]}" GEMS_GATEWAY_SERVICES_PLANS_MAX_IN_FLIGHT=64
TOKEN=$(token dolisa.officer)
"${load[@]}" wrk -t2 -c512 -d20s --timeout 10s -s deploy/bench/statuses.lua -H "Authorization: Bearer $TOKEN" \
    http://127.0.0.1:$PORT/api/agencies/TTH-DOH | sed -n '/^statuses/,$p'
echo "gateway alive after overload: $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/q/health/live), RSS $(ps -o rss= -p $GW_PID | awk '{print int($1/1024)}') MB, OutOfMemoryError in log: $(grep -c OutOfMemoryError /tmp/gems-bench-gateway.log || true)"
fi

if phase limits; then
echo
echo "== one client over its limit with the default per-client limits (600/min, burst 100)"
WARMUP=5s start_gateway
TOKEN=$(token dolisa.officer)
"${load[@]}" wrk -t2 -c8 -d10s -s deploy/bench/statuses.lua -H "Authorization: Bearer $TOKEN" \
    http://127.0.0.1:$PORT/api/agencies/TTH-DOH | sed -n '/^statuses/,$p'
fi
