-- wrk script: counts answers by status and whether each rejection (429/503) carries Retry-After.
counts, with_retry = {}, 0  -- globals: wrk reads them from each thread with thread:get
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {}; with_retry = 0 end
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if (status == 429 or status == 503) and headers["Retry-After"] then with_retry = with_retry + 1 end
end
function done(summary, latency, requests)
  local total, retry = {}, 0
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
    retry = retry + t:get("with_retry")
  end
  local parts = {}
  for k, v in pairs(total) do table.insert(parts, k .. "=" .. v) end
  table.sort(parts)
  io.write(string.format("statuses {%s}; rejections with Retry-After %d; socket timeouts %d, connect errors %d, read errors %d\n",
    table.concat(parts, ", "), retry, summary.errors.timeout, summary.errors.connect, summary.errors.read))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
