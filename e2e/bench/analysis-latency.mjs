// Measures analyses end to end on the running stack: INCIDENTS incidents opened from Alertmanager
// notifications, each analysed again RERUNS times through the API (POST …/analysis answers when
// the analysis is complete), with 50 services' metrics in scope from a backfilled Prometheus.
// Usage: node analysis-latency.mjs PROMETHEUS_URL END_EPOCH_SECONDS INCIDENTS RERUNS (see analysis-latency.sh)
import { readFileSync } from 'node:fs'

const [prometheusUrl, endArg, incidentsArg, rerunsArg] = process.argv.slice(2)
const end = Number(endArg)
const count = Number(incidentsArg)
const reruns = Number(rerunsArg)
const url = { auth: 'http://127.0.0.1:8081', incidents: 'http://127.0.0.1:8082', ai: 'http://127.0.0.1:8083',
  ingest: 'http://127.0.0.1:8084' }
const run = `bench-${Date.now()}`

async function call(method, target, { token, body } = {}) {
  const headers = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const started = performance.now()
  const response = await fetch(target, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null, ms: performance.now() - started }
}

function expect(result, status, what) {
  if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`)
  return result.body
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const summary = (values) => `p50 ${percentile(values, 50).toFixed(0)} ms, p90 ${percentile(values, 90).toFixed(0)} ms, `
  + `p99 ${percentile(values, 99).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms (n=${values.length})`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitFor(what, found) {
  for (let attempt = 0; attempt < 240; attempt++) {
    const result = await found()
    if (result) return result
    await sleep(250)
  }
  throw new Error(`${what} never came`)
}

const login = expect(await call('POST', `${url.auth}/api/v1/auth/login`,
  { body: { email: 'demo@sre-copilot.local', password: 'demo-password' } }), 200, 'demo login')
const token = login.accessToken
const apiKey = readFileSync('.run/demo-api-key', 'utf8').trim()

// Integrations left by an interrupted run would add their templates' series to every analysis.
const integrations = expect(await call('GET', `${url.ingest}/api/v1/integrations`, { token }), 200, 'integrations')
for (const stale of integrations.items.filter((found) => found.name.startsWith('bench-'))) {
  expect(await call('DELETE', `${url.ingest}/api/v1/integrations/${stale.id}`, { token }), 204, 'stale integration')
}
const integration = expect(await call('POST', `${url.ingest}/api/v1/integrations`,
  { token, body: { type: 'prometheus', name: run, url: prometheusUrl } }), 201, 'integration')
// Four templates (200 series in all), and the call graph declared edge by edge through the API.
for (const [name, query, kind] of [['latency', 'bench_latency_ms', 'latency'], ['cpu', 'bench_cpu_cores', 'saturation'],
  ['errors', 'bench_error_ratio', 'errors'], ['requests', 'bench_requests_per_second', 'traffic']]) {
  expect(await call('POST', `${url.ingest}/api/v1/integrations/${integration.id}/query-templates`, {
    token,
    // A threshold no series reaches: the poller runs them without raising alerts of its own.
    body: { name: `${run}-${name}`, query, serviceLabel: 'service', kind, intervalSeconds: 60,
      detection: { threshold: { operator: '>', value: 1e12 } } },
  }), 201, `template ${name}`)
}
const declared = []
const services = Array.from({ length: 50 }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`)
for (const [caller, callee] of services.flatMap((service, i) => [1, 2].map((k) => [service, services[(i + k) % 50]]))
  .concat(['svc-16', 'svc-18', 'svc-30'].map((victim) => [victim, 'svc-17']))) {
  const edge = await call('POST', `${url.ingest}/api/v1/topology/edges`, { token, body: { caller, callee } })
  if (edge.status === 201) declared.push(edge.body.id)
}

const at = (minutesBeforeEnd) => new Date((end - minutesBeforeEnd * 60) * 1000).toISOString()
const alert = (n, alertname, service, startsAt) => ({
  status: 'firing', labels: { alertname, service, severity: 'critical', bench: run }, annotations: { summary: `${alertname} on ${service}` },
  startsAt, endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus.local', fingerprint: `${run}-${n}-${alertname}-${service}`,
})
// Incidents of the same service within the correlation window join one incident, so each is
// resolved once analysed (re-running the analysis of a resolved incident works alike).
const incidents = []
const firstRuns = []
const known = new Set(expect(await call('GET', `${url.incidents}/api/v1/incidents?limit=200`, { token }), 200, 'incidents')
  .items.map((incident) => incident.id))
for (let n = 0; n < count; n++) {
  expect(await call('POST', `${url.ingest}/api/v1/ingest/alertmanager`, {
    token: apiKey,
    body: { version: '4', groupKey: `{}:{bench="${run}-${n}"}`, status: 'firing', receiver: 'sre-copilot',
      groupLabels: { bench: `${run}-${n}` }, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am.local',
      alerts: [alert(n, 'HighCpuUsage', 'svc-17', at(40)), alert(n, 'HighLatency', 'svc-16', at(39)),
        alert(n, 'HighLatency', 'svc-18', at(39)), alert(n, 'HighErrorRate', 'svc-30', at(38))] },
  }), 200, 'notification')
  const incident = await waitFor(`incident ${n + 1}`, async () => {
    const page = expect(await call('GET', `${url.incidents}/api/v1/incidents?limit=20`, { token }), 200, 'incidents')
    return page.items.find((found) => !known.has(found.id))
  })
  known.add(incident.id)
  const analysis = await waitFor(`analysis of ${incident.id}`, async () => {
    const found = await call('GET', `${url.ai}/api/v1/ai/incidents/${incident.id}/analysis`, { token })
    return found.status === 200 && found.body.status === 'completed' ? found.body : null
  })
  firstRuns.push(Date.parse(analysis.completedAt) - Date.parse(analysis.startedAt))
  expect(await call('POST', `${url.incidents}/api/v1/incidents/${incident.id}/transitions`,
    { token, body: { to: 'RESOLVED', reason: 'benchmark incident' } }), 200, 'resolve')
  incidents.push(incident)
}

const client = []
const server = []
const steps = {}
let last
for (let round = 0; round < reruns; round++) {
  for (const incident of incidents) {
    const result = await call('POST', `${url.ai}/api/v1/ai/incidents/${incident.id}/analysis`, { token })
    last = expect(result, 202, 'rerun')
    client.push(result.ms)
    server.push(Date.parse(last.completedAt) - Date.parse(last.startedAt))
    for (const step of last.steps) (steps[step.name] ??= []).push(step.durationMs)
  }
}
const ranked = last.rankedServices
console.log(`services ranked: ${ranked.length}; first: ${ranked[0]?.service} (${ranked[0]?.score}); `
  + `top hypothesis: ${last.hypotheses[0]?.claim} at ${last.hypotheses[0]?.confidence}; reasoner ${last.reasoner}`)
console.log(`context step detail: ${last.steps.find((step) => step.name === 'context')?.detail}`)
console.log(`first analyses (on incident.created): ${summary(firstRuns)}`)
console.log(`re-runs, client-side POST latency: ${summary(client)}`)
console.log(`re-runs, the analysis' own duration: ${summary(server)}`)
for (const [name, durations] of Object.entries(steps)) console.log(`  step ${name}: ${summary(durations)}`)
expect(await call('DELETE', `${url.ingest}/api/v1/integrations/${integration.id}`, { token }), 204, 'clean-up')
for (const id of declared) await call('DELETE', `${url.ingest}/api/v1/topology/edges/${id}`, { token })
