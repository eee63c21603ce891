-- wrk script: before each request a connection waits a random time, exponentially distributed with mean
-- PACE ms (Poisson arrivals: connections never move in lock-step bursts), so a run offers about
-- connections × 1000 / (PACE + latency) requests a second; prints the run's figures on one line.
-- Usage: wrk ... -s paced.lua URL -- PACE
local pace, threads = 10, 0
function setup(thread) threads = threads + 1; thread:set("seed", os.time() * 100 + threads) end
function init(args) pace = tonumber(args[1]) or pace; math.randomseed(seed) end
function delay() return math.floor(-pace * math.log(1 - math.random()) + 0.5) end
function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("paced requests=%d seconds=%.3f p50us=%d p90us=%d p99us=%d non2xx=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    non2xx, summary.errors.timeout))
end
