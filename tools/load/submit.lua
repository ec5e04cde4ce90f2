-- wrk script: POST distinct comments to one article of the demo site (no Idempotency-Key: every request is a new comment).
local counter = 0
local bodies = {
  "A clear summary of the talks, thank you.",
  "I wonder what the European leaders will say next week.",
  "The UN vote deserves a follow-up article.",
  "Good reporting, with quotes from both sides.",
}

request = function()
  counter = counter + 1
  local body = string.format(
    '{"author":{"id":"load-%d","name":"Load %d"},"body":"%s (%d)","parentId":null}',
    counter % 500, counter % 500, bodies[(counter % #bodies) + 1], counter)
  return wrk.format("POST", "/v1/sites/demo/articles/load-article/comments", {
    ["Authorization"] = "Bearer demo-key",
    ["Content-Type"] = "application/json",
  }, body)
end

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency)
  io.write(string.format("requests %d, %.0f req/s, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
