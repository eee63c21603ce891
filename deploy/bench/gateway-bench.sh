#!/usr/bin/env bash
# Gateway overhead and overload benchmark (README "Figures"). Needs the demo suite running (deploy/gems up)
# and wrk (Debian: apt-get install wrk). Starts its own gateway instance on port 18090 against the running
# services, so the limits can be set per phase, and measures direct vs gateway with the same client.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source deploy/jdk.sh
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
curl -sf http://127.0.0.1:8080/q/health/ready >/dev/null || { echo "start the suite first: deploy/gems up" >&2; exit 1; }

DURATION=${DURATION:-15s}
CONNS=${CONNS:-32}
PORT=18090
token() {
  curl -s -d grant_type=password -d client_id=gems-cli -d "username=$1" -d password=gems-demo \
    http://localhost:8180/realms/gems/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN=$(token dolisa.officer)
GW_PID=
stop_gateway() {
  if [ -n "$GW_PID" ]; then kill "$GW_PID" 2>/dev/null || true; wait "$GW_PID" 2>/dev/null || true; fi
  GW_PID=
}
trap stop_gateway EXIT
start_gateway() { # extra env as arguments
  stop_gateway
  env QUARKUS_HTTP_PORT=$PORT PLANS_URL=http://localhost:8081 INDICATORS_URL=http://localhost:8082 \
      REPORTING_URL=http://localhost:8083 OIDC_URL=http://localhost:8180/realms/gems CORS_ORIGINS=http://localhost \
      "$@" "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -jar gateway/target/quarkus-app/quarkus-run.jar \
      > /tmp/gems-bench-gateway.log 2>&1 &
  GW_PID=$!
  for _ in $(seq 1 200); do curl -sf http://127.0.0.1:$PORT/q/health/ready >/dev/null && break; sleep 0.1; done
  # Warm the JIT (C2 keeps compiling for ~45 s on 2 cores; measured before warm-up the gateway looks 3x slower)
  # and the JWKS cache.
  wrk -t2 -c"$CONNS" -d"${WARMUP:-45s}" -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$PORT/api/me >/dev/null
}
# CPU seconds a process has used (user + system)
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$1/stat"; }
svc_pid() { awk '{print $1}' "$root/.gems/run/$1.pid"; }
# wrk → "rps p99ms"
measure() {
  local url=$1; shift
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$@" "$url" | python3 -c '
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
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); wrk -t2 -c$CONNS -d$DURATION, same client for both"
start_gateway "${unlimited[@]}"

printf "%-18s %9s %9s %6s %9s %9s %12s %12s\n" endpoint direct/s gateway/s ratio "p99 dir" "p99 gw" "svc CPU/req" "gw CPU/req"
row() { # name direct-url gateway-url [wrk args]
  local name=$1 d=$2 g=$3; shift 3
  local svc; svc=$(svc_pid plans-service)
  wrk -t2 -c"$CONNS" -d10s "$@" "$d" >/dev/null   # same warm-up for the direct path
  local s0; s0=$(cpu_of "$svc")
  read -r drps dp99 dnon < <(measure "$d" "$@")
  local s1 g0; s1=$(cpu_of "$svc"); g0=$(cpu_of "$GW_PID")
  read -r grps gp99 gnon < <(measure "$g" "$@")
  local g1; g1=$(cpu_of "$GW_PID")
  local secs=${DURATION%s}
  printf "%-18s %9s %9s %6.2f %7sms %7sms %10.0fµs %10.0fµs%s\n" "$name" "$drps" "$grps" "$(python3 -c "print($grps/$drps)")" "$dp99" "$gp99" \
    "$(python3 -c "print(($s1-$s0)*1e6/($drps*$secs))")" "$(python3 -c "print(($g1-$g0)*1e6/($grps*$secs))")" \
    "$([ "$dnon$gnon" = "00" ] || echo "  (non-2xx: direct $dnon, gateway $gnon)")"
  echo "$drps" > "/tmp/gems-bench-$name.direct"
}
row trivial-api-me http://127.0.0.1:8081/api/me http://127.0.0.1:$PORT/api/me "${auth[@]}"
row db-get-agency http://127.0.0.1:8081/api/agencies/TTH-DOH http://127.0.0.1:$PORT/api/agencies/TTH-DOH "${auth[@]}"

echo
echo "== JWT checking at the gateway: the same public route (published data sets) with and without a token"
echo "   (the gateway verifies a token whenever one is sent, so the difference is the verification)"
pub=http://127.0.0.1:$PORT/api/public/values/publications
wrk -t2 -c"$CONNS" -d10s "$pub" >/dev/null
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

echo
echo "== latency at half of direct saturation, DB-backed GET: fixed rate (hey -q), same client for both"
TOKEN=$(token dolisa.officer)   # tokens live 5 minutes
half=$(python3 -c "print(int($(cat /tmp/gems-bench-db-get-agency.direct)/2))")
fixed_rate() { # url → "p50 p99 (ms) achieved/s"
  hey -z 15s -c 16 -T application/json -q "$(python3 -c "print(max(1, round($half/16)))")" -H "Authorization: Bearer $TOKEN" "$1" | python3 -c '
import re,sys
t=sys.stdin.read()
p=lambda q: float(re.search(r"%s%% in ([0-9.]+) secs" % q, t).group(1))*1000
rps=float(re.search(r"Requests/sec:\s+([0-9.]+)", t).group(1))
codes=dict(re.findall(r"\[(\d+)\]\s+(\d+) responses", t))
print(f"{p(50):.2f} {p(99):.2f} {rps:.0f} {codes}")'
}
read -r d50 d99 drate dcodes < <(fixed_rate http://127.0.0.1:8081/api/agencies/TTH-DOH)
read -r g50 g99 grate gcodes < <(fixed_rate http://127.0.0.1:$PORT/api/agencies/TTH-DOH)
echo "offered $half/s: direct p50 ${d50} ms p99 ${d99} ms ($drate/s $dcodes); gateway p50 ${g50} ms p99 ${g99} ms ($grate/s $gcodes)"
echo "added by the gateway: p50 $(python3 -c "print(round($g50-$d50,2))") ms, p99 $(python3 -c "print(round($g99-$d99,2))") ms"

echo
echo "== overload: 512 connections hammering the DB-backed GET (well past saturation); the gateway caps requests"
echo "   in flight to plans-service at 64, so the excess must be refused at once with 503 + Retry-After"
start_gateway "${unlimited[@]}" GEMS_GATEWAY_SERVICES_PLANS_MAX_IN_FLIGHT=64
TOKEN=$(token dolisa.officer)
wrk -t2 -c512 -d20s --timeout 10s -s deploy/bench/statuses.lua -H "Authorization: Bearer $TOKEN" \
    http://127.0.0.1:$PORT/api/agencies/TTH-DOH | sed -n '/^statuses/,$p'
echo "gateway alive after overload: $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/q/health/live), RSS $(ps -o rss= -p $GW_PID | awk '{print int($1/1024)}') MB, OutOfMemoryError in log: $(grep -c OutOfMemoryError /tmp/gems-bench-gateway.log || true)"

echo
echo "== one client over its limit with the default per-client limits (600/min, burst 100)"
WARMUP=5s start_gateway
TOKEN=$(token dolisa.officer)
wrk -t2 -c8 -d10s -s deploy/bench/statuses.lua -H "Authorization: Bearer $TOKEN" \
    http://127.0.0.1:$PORT/api/agencies/TTH-DOH | sed -n '/^statuses/,$p'
