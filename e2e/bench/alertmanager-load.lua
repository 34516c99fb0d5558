-- wrk script: Alertmanager webhook notifications of 10 alerts each, every alert new (its own
-- fingerprint), spread over `groups` alert groups. Counts 200s and others per thread so that the
-- caller can check afterwards that every acknowledged alert was stored exactly once.
-- Usage: wrk ... -s alertmanager-load.lua URL -- <api key> <groups> <run id>

-- Per-thread globals (wrk gives each thread its own Lua state; done() reads them with thread:get).
local threads = {}
counter, acknowledged, refused = 0, 0, 0
local key, groups, run

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  key, groups, run = args[1], tonumber(args[2] or "1000"), args[3] or "run"
end

local function alert(n, i)
  return string.format(
    '{"status":"firing","labels":{"alertname":"BenchAlert%d","service":"bench-%d","severity":"warning",' ..
    '"instance":"10.0.%d.%d:9100"},"annotations":{"summary":"Bench alert %d of notification %d"},' ..
    '"startsAt":"2026-11-23T06:00:00Z","endsAt":"0001-01-01T00:00:00Z",' ..
    '"generatorURL":"http://prometheus:9090/graph?g0.expr=up","fingerprint":"%s-%d-%d-%d"}',
    i, n % 50, thread_id, i, i, n, run, thread_id, n, i)
end

function request()
  counter = counter + 1
  local group = (thread_id * 7919 + counter) % groups
  local alerts = {}
  for i = 1, 10 do alerts[i] = alert(counter, i) end
  local body = string.format(
    '{"version":"4","groupKey":"{}:{bench=\\"%s-%d\\"}","status":"firing","receiver":"sre-copilot",' ..
    '"groupLabels":{"bench":"%d"},"commonLabels":{"severity":"warning"},"commonAnnotations":{},' ..
    '"externalURL":"http://alertmanager:9093","truncatedAlerts":0,"alerts":[%s]}',
    run, group, group, table.concat(alerts, ","))
  return wrk.format("POST", "/api/v1/ingest/alertmanager",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }, body)
end

function response(status)
  if status == 200 then acknowledged = acknowledged + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local ok, other = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("acknowledged")
    other = other + thread:get("refused")
  end
  io.write(string.format("RESULT acknowledged=%d refused=%d seconds=%.3f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    ok, other, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
end
