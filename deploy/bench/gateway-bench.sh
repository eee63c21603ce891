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
stop_gateway() { [ -n "$GW_PID" ] && kill "$GW_PID" 2>/dev/null && wait "$GW_PID" 2>/dev/null; GW_PID=; }
trap stop_gateway EXIT
start_gateway() { # extra env as arguments
  stop_gateway
  env QUARKUS_HTTP_PORT=$PORT PLANS_URL=http://localhost:8081 INDICATORS_URL=http://localhost:8082 \
      REPORTING_URL=http://localhost:8083 OIDC_URL=http://localhost:8180/realms/gems CORS_ORIGINS=http://localhost \
      "$@" "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -jar gateway/target/quarkus-app/quarkus-run.jar \
      > /tmp/gems-bench-gateway.log 2>&1 &
  GW_PID=$!
  for _ in $(seq 1 200); do curl -sf http://127.0.0.1:$PORT/q/health/ready >/dev/null && break; sleep 0.1; done
  # warm the JIT and the JWKS cache
  wrk -t2 -c8 -d5s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$PORT/api/me >/dev/null
}
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

printf "%-34s %10s %10s %8s %9s %9s\n" endpoint direct/s gateway/s ratio "p99 dir" "p99 gw"
row() { # name direct-url gateway-url [wrk args]
  local name=$1 d=$2 g=$3; shift 3
  read -r drps dp99 dnon < <(measure "$d" "$@")
  read -r grps gp99 gnon < <(measure "$g" "$@")
  printf "%-34s %10s %10s %8.2f %8sms %8sms%s\n" "$name" "$drps" "$grps" "$(python3 -c "print($grps/$drps)")" "$dp99" "$gp99" \
    "$([ "$dnon$gnon" = "00" ] || echo "  (non-2xx: direct $dnon, gateway $gnon)")"
  echo "$drps" > "/tmp/gems-bench-$name.direct"
}
row trivial-api-me http://127.0.0.1:8081/api/me http://127.0.0.1:$PORT/api/me "${auth[@]}"
row db-get-agency http://127.0.0.1:8081/api/agencies/TTH-DOH http://127.0.0.1:$PORT/api/agencies/TTH-DOH "${auth[@]}"

echo
echo "== JWT checking at the gateway: the same public route with and without a token"
read -r anon_rps anon_p99 _ < <(measure http://127.0.0.1:$PORT/api/public/plans)
read -r jwt_rps jwt_p99 _ < <(measure http://127.0.0.1:$PORT/api/public/plans "${auth[@]}")
printf "without token %s/s, with token %s/s: JWT checking costs %.1f%% of throughput\n" "$anon_rps" "$jwt_rps" \
  "$(python3 -c "print(100*(1-$jwt_rps/$anon_rps))")"

echo
echo "== latency at half of direct saturation (open loop), DB-backed GET"
half=$(python3 -c "print(int($(cat /tmp/gems-bench-db-get-agency.direct)/2))")
echo "direct:";  "$JAVA_HOME/bin/java" deploy/bench/OpenLoad.java http://127.0.0.1:8081/api/agencies/TTH-DOH "$half" 15 "$TOKEN"
echo "gateway:"; "$JAVA_HOME/bin/java" deploy/bench/OpenLoad.java http://127.0.0.1:$PORT/api/agencies/TTH-DOH "$half" 15 "$TOKEN"

echo
echo "== overload: 2x saturation of the DB-backed GET; the gateway caps requests in flight to plans-service at 64"
start_gateway "${unlimited[@]}" GEMS_GATEWAY_SERVICES_PLANS_MAX_IN_FLIGHT=64
double=$(python3 -c "print(int($(cat /tmp/gems-bench-db-get-agency.direct)*2))")
"$JAVA_HOME/bin/java" deploy/bench/OpenLoad.java http://127.0.0.1:$PORT/api/agencies/TTH-DOH "$double" 20 "$TOKEN" 10
echo "gateway alive after overload: $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/q/health/live), RSS $(ps -o rss= -p $GW_PID | awk '{print int($1/1024)}') MB, OutOfMemoryError in log: $(grep -c OutOfMemoryError /tmp/gems-bench-gateway.log || true)"

echo
echo "== overload by one client with the default per-client limits (600/min, burst 100)"
start_gateway
"$JAVA_HOME/bin/java" deploy/bench/OpenLoad.java http://127.0.0.1:$PORT/api/agencies/TTH-DOH 200 10 "$TOKEN" 10
