#!/usr/bin/env bash
# Issue 17's benchmarks before and after the restructuring, run alternately (before, after) at nice -15 with the
# load average printed before every run (README "Issue 17: benchmarks before and after the restructuring").
#   BEFORE       a worktree of 1c0217c, the last commit before issue 17's clean-up (PlansBench, Push, Consolidation)
#   BEFORE_SDMX  a worktree of 1b6afe6, the first commit with the SDMX export and its benchmark (SdmxExportBenchmark)
#   AFTER        this tree (default)
#   M2_BEFORE / M2_AFTER  the Maven repositories they build with; OUT: where the logs go
# Each tree must be installed (./mvnw -o install -DskipTests) first; the benchmarks then start with plain java on the
# module's test class path (no Maven in the timed process, no repackaging between runs). Sizes are cut so that the
# four pairs take about 12 minutes on the 2-core machine: see the *_ARGS below.
# Usage: deploy/bench-ab.sh [plans|push|consolidation|sdmx ...]   (default: all four)
set -euo pipefail
AFTER=${AFTER:-$(cd "$(dirname "$0")/.." && pwd)}
BEFORE=${BEFORE:-/work/wt/house-before}
BEFORE_SDMX=${BEFORE_SDMX:-/work/wt/house-before-sdmx}
M2_AFTER=${M2_AFTER:-/work/m2/house17/repository}
M2_BEFORE=${M2_BEFORE:-/work/m2/house17-before/repository}
OUT=${OUT:-/tmp/gems-bench-ab}
# The same plan document on both sides: seed 003 as it was at 1c0217c (the later one has fields the old code refuses).
SEED=${SEED:-$OUT/seed-003-at-1c0217c.json}
PUSH_ARGS=${PUSH_ARGS:--Dbench.total=2000000 -Dbench.rounds=1 -Dbench.rollups=300}
CONSOLIDATION_ARGS=${CONSOLIDATION_ARGS:--Dbench.total=2000000 -Dbench.calls=200}
SDMX_ARGS=${SDMX_ARGS:--Dbench.rounds=2}
mkdir -p "$OUT"
source "$AFTER/deploy/jdk.sh"
[ -f "$SEED" ] || git -C "$AFTER" show 1c0217c:deploy/demo/plans/tth-2021-2025.json > "$SEED"

repo_of() { [ "$1" = "$AFTER" ] && echo "$M2_AFTER" || echo "$M2_BEFORE"; }

# The module's test class path, computed once per tree and kept in OUT.
classpath() {
  local tree=$1 module=$2 file
  file="$OUT/cp-$(echo "$tree/$module" | tr '/' '_').txt"
  if [ ! -s "$file" ]; then
    (cd "$tree" && MAVEN_ARGS="-B -ntp -q -Dmaven.repo.local=$(repo_of "$tree")" ./mvnw -o -pl "$module" \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$file" >/dev/null)
  fi
  # The project's own jars from the tree itself: two trees may install different builds into one repository.
  echo "$tree/$module/target/test-classes:$tree/$module/target/classes:$(sed -E \
    "s#[^:]*/vn/gems/gems-(common|contracts)/1\.0\.0-SNAPSHOT/(gems-[a-z]+-1\.0\.0-SNAPSHOT(-tests)?\.jar)#$tree/\1/target/\2#g" "$file")"
}

# run <label> <tree> <module> <main class> <system properties> [args…]
run() {
  local label=$1 tree=$2 module=$3 main=$4 props=$5; shift 5
  local log="$OUT/$label.log" cp
  cp=$(classpath "$tree" "$module")
  { echo "== $label ($(git -C "$tree" rev-parse --short HEAD)) $(date -u +%FT%TZ)"; uptime; } | tee "$log"
  # shellcheck disable=SC2086
  (cd "$tree/$module" && nice -n -15 java -Dbench.module="$tree/$module" $props -cp "$cp" "$main" "$@") >> "$log" 2>&1 \
    || echo "FAILED: see $log"
  { echo "-- end $(date -u +%T)"; uptime; } >> "$log"
  grep -E "^(validate|read JSON|search 10,000 plans q=\"binh|raw COPY|API push|identical re-push|roll-up of one|GET consolidation|  of which|round|  round|values/s|== SDMX|SDMX|export)" "$log" | sed 's/^/   /' || true
}

for what in "${@:-plans push consolidation sdmx}"; do
  for w in $what; do
    case $w in
      plans)
        run plans-before "$BEFORE" plans-service vn.gems.plans.bench.PlansBench "" "$SEED"
        run plans-after "$AFTER" plans-service vn.gems.plans.bench.PlansBench "" "$SEED" ;;
      push)
        run push-before "$BEFORE" indicators-service vn.gems.indicators.bench.PushBenchmark "$PUSH_ARGS"
        run push-after "$AFTER" indicators-service vn.gems.indicators.bench.PushBenchmark "$PUSH_ARGS" ;;
      consolidation)
        run consolidation-before "$BEFORE" reporting-service vn.gems.reporting.bench.ConsolidationBenchmark "$CONSOLIDATION_ARGS"
        run consolidation-after "$AFTER" reporting-service vn.gems.reporting.bench.ConsolidationBenchmark "$CONSOLIDATION_ARGS" ;;
      sdmx)
        run sdmx-before "$BEFORE_SDMX" indicators-service vn.gems.indicators.bench.SdmxExportBenchmark "$SDMX_ARGS"
        run sdmx-after "$AFTER" indicators-service vn.gems.indicators.bench.SdmxExportBenchmark "$SDMX_ARGS" ;;
      *) echo "unknown benchmark $w (plans, push, consolidation, sdmx)" >&2; exit 2 ;;
    esac
  done
done
echo "logs: $OUT"
