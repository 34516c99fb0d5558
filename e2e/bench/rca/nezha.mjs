// Root-cause ranking through the product, as a user meets it, on the public Nezha OnlineBoutique
// cases: a Prometheus holding the dataset, an integration and one query template per metric made
// through the API, a real Alertmanager delivering one alert on frontend at each fault's start; the
// ranking read from the analysis API; after each case the team's verdicts on its hypotheses (the
// right one accepted, the others rejected), which later cases' confidences are calibrated on. Beside it, in the same run and on the same series the
// analysis read (ingest's context API): a random order, N-Sigma and BARO.
// Usage: see rca-nezha.sh, which starts Prometheus and Alertmanager and passes their addresses.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { accuracy, byFault, reliability } from './score.mjs'
import { baro, nSigma, randomOrder } from './baselines.mjs'

const env = (name, fallback) => process.env[name] ?? fallback
const cases = JSON.parse(readFileSync(`${env('NEZHA_DIR')}/cases.json`, 'utf8')).cases
  .slice(0, Number(env('CASES', '1000')))
const prometheusUrl = env('PROMETHEUS_URL')
const alertmanagerUrl = env('ALERTMANAGER_URL')
const token = env('TOKEN')
const out = env('OUT', 'e2e/target/rca')
const url = {
  incidents: `http://127.0.0.1:${env('SRE_PORT_INCIDENTS', '8082')}`,
  ai: `http://127.0.0.1:${env('SRE_PORT_AI', '8083')}`,
  ingest: `http://127.0.0.1:${env('SRE_PORT_INGEST', '8084')}`,
}
const run = `rca-${Date.now()}`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function call(method, target, body) {
  const response = await fetch(target, {
    method,
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

function expect(result, status, what) {
  if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`)
  return result.body
}

async function waitFor(what, found, seconds = 120) {
  for (let attempt = 0; attempt < seconds * 4; attempt++) {
    const result = await found()
    if (result) return result
    await sleep(250)
  }
  throw new Error(`${what} never came`)
}

// The integration and its templates, as an admin would make them: one template per metric of the
// dataset, named after it; what each measures is left for the product to read off its name. The
// per-edge call latency names its caller label, so the call graph is read off it too.
const METRICS = ['cpu_usage_millicores', 'cpu_usage_percent', 'memory_usage_mebibytes', 'memory_usage_percent',
  'syscall_reads', 'syscall_writes', 'network_receive_bytes', 'network_transmit_bytes', 'latency_seconds',
  'workload_ops', 'node_cpu_usage_percent', 'node_memory_usage_percent', 'node_network_receive_bytes',
  'front_latency_seconds', 'front_success_rate_percent', 'call_latency_seconds']

const integration = expect(await call('POST', `${url.ingest}/api/v1/integrations`,
  { type: 'prometheus', name: run, url: prometheusUrl }), 201, 'integration')
for (const metric of METRICS) {
  expect(await call('POST', `${url.ingest}/api/v1/integrations/${integration.id}/query-templates`, {
    name: metric, query: `nezha_ob_${metric}`, serviceLabel: 'service', intervalSeconds: 60,
    ...(metric === 'call_latency_seconds' ? { callerLabel: 'caller' } : {}),
    // The data is in the past: the poller finds nothing now, and a threshold no series reaches keeps it quiet.
    detection: { threshold: { operator: '>', value: 1e12 } },
  }), 201, `template ${metric}`)
}

const iso = (seconds) => new Date(seconds * 1000).toISOString()
async function alert(fault, endsAt) {
  const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify([{
      labels: { alertname: 'FrontendDegraded', service: 'frontend', severity: 'critical', case: fault.id },
      annotations: { summary: `Frontend degraded (${fault.id})` },
      startsAt: iso(fault.startedAt), endsAt,
    }]),
  })
  if (!response.ok) throw new Error(`Alertmanager: ${response.status} ${await response.text()}`)
}

const results = []
const contexts = []
for (const fault of cases) {
  const began = Date.now()
  await alert(fault, new Date(Date.now() + 3_600_000).toISOString())
  const incident = await waitFor(`incident of ${fault.id}`, async () => {
    const page = expect(await call('GET', `${url.incidents}/api/v1/incidents?limit=20`), 200, 'incidents')
    return page.items.find((found) => found.title.includes(fault.id))
  })
  const analysis = await waitFor(`analysis of ${fault.id}`, async () => {
    const found = await call('GET', `${url.ai}/api/v1/ai/incidents/${incident.id}/analysis`)
    return found.status === 200 && found.body.status !== 'running' ? found.body : null
  })
  const around = fault.startedAt
  const context = expect(await call('GET', `${url.ingest}/api/v1/signals/context?from=${iso(around - 5400)}`
    + `&to=${iso(around + 1800)}&around=${iso(around)}`), 200, 'context')
  const series = context.series.filter((one) => one.service && one.points?.length)
  const services = [...new Set(series.map((one) => one.service))].sort()
  const ranked = analysis.rankedServices.map((one) => one.service)
  results.push({
    id: fault.id, fault: fault.fault, rootCause: fault.rootCause, status: analysis.status,
    failure: analysis.failure, seconds: (Date.now() - began) / 1000,
    analysisMs: Date.parse(analysis.completedAt) - Date.parse(analysis.startedAt),
    product: ranked, productRanks: analysis.rankedServices.map((one) => one.rank),
    hypotheses: analysis.hypotheses.map((one) => ({ service: one.suspectService, confidence: Number(one.confidence),
      raw: one.rawConfidence })),
    calibration: analysis.steps.find((step) => step.name === 'memory')?.detail,
    nSigma: nSigma(series, around),
    baro: baro(series, (one) => /latency/.test(one.template)),
    random: randomOrder(services, 20261201 + results.length),
    edges: context.topology?.edges?.length ?? 0,
  })
  contexts.push({ id: fault.id, fault: fault.fault, rootCause: fault.rootCause, startedAt: around,
    series: series.map(({ service, template, kind, points }) => ({ service, template, kind, points })),
    edges: context.topology?.edges?.map(({ caller, callee }) => ({ caller, callee })) ?? [] })
  const last = results.at(-1)
  console.log(`${String(results.length).padStart(2)} ${fault.id.padEnd(48)} root ${fault.rootCause.padEnd(22)} `
    + `product #${last.product.indexOf(fault.rootCause) + 1 || '-'} n-sigma #${last.nSigma.indexOf(fault.rootCause) + 1 || '-'} `
    + `baro #${last.baro.indexOf(fault.rootCause) + 1 || '-'} (${last.status}, ${last.analysisMs} ms)`)
  // The team judges the hypotheses, as the product asks people to: the right one accepted, the others
  // rejected. Later analyses calibrate their confidences on these verdicts, never on their own case's.
  if (env('VERDICTS', 'yes') === 'yes') {
    for (const hypothesis of analysis.hypotheses.filter((one) => one.suspectService)) {
      const verdict = hypothesis.suspectService === fault.rootCause ? 'accepted' : 'rejected'
      expect(await call('PUT', `${url.ai}/api/v1/ai/hypotheses/${hypothesis.id}/feedback`,
        { verdict, note: `benchmark: the root cause was ${fault.rootCause}` }), 200, 'verdict')
    }
  }
  expect(await call('POST', `${url.incidents}/api/v1/incidents/${incident.id}/transitions`,
    { to: 'RESOLVED', reason: 'benchmark case done' }), 200, 'resolve')
  await alert(fault, new Date().toISOString())
}
expect(await call('DELETE', `${url.ingest}/api/v1/integrations/${integration.id}`), 204, 'clean-up')

const methods = ['product', 'nSigma', 'baro', 'random']
const position = (method) => (one) => one[method].indexOf(one.rootCause) + 1
const summary = Object.fromEntries(methods.map((method) => [method, {
  overall: accuracy(results, position(method)), byFault: byFault(results, position(method)) }]))
const predictions = results.flatMap((one) => one.hypotheses.filter((h) => h.service)
  .map((h) => ({ confidence: h.confidence, correct: h.service === one.rootCause })))
const top = results.filter((one) => one.hypotheses.length)
  .map((one) => ({ confidence: one.hypotheses[0].confidence, correct: one.hypotheses[0].service === one.rootCause }))
const calibration = { allHypotheses: reliability(predictions), firstHypothesis: reliability(top) }
const durations = results.map((one) => one.analysisMs).sort((a, b) => a - b)
const report = { run, cases: results.length, summary, calibration,
  failed: results.filter((one) => one.status !== 'completed').length,
  ties: results.filter((one) => new Set(one.productRanks).size < one.productRanks.length).length,
  analysisMs: { p50: durations[Math.floor(durations.length / 2)], max: durations.at(-1) }, results }
mkdirSync(out, { recursive: true })
writeFileSync(`${out}/nezha-results.json`, JSON.stringify(report, null, 1))
writeFileSync(`${out}/nezha-contexts.json`, JSON.stringify(contexts))

const f = (x) => x.toFixed(3)
console.log(`\n${results.length} cases; ${report.failed} analyses not completed; ${report.ties} rankings with ties; `
  + `analysis p50 ${report.analysisMs.p50} ms, max ${report.analysisMs.max} ms`)
console.log('method    AC@1   AC@3   Avg@5')
for (const method of methods) {
  const o = summary[method].overall
  console.log(`${method.padEnd(9)} ${f(o.ac1)}  ${f(o.ac3)}  ${f(o.avg5)}`)
}
for (const fault of Object.keys(summary.product.byFault)) {
  console.log(`  ${fault.padEnd(15)} ` + methods.map((method) => {
    const o = summary[method].byFault[fault]
    return `${method} ${f(o.ac1)}/${f(o.avg5)}`
  }).join('  ') + ` (n=${summary.product.byFault[fault].cases})`)
}
for (const [name, table] of Object.entries(calibration)) {
  console.log(`calibration, ${name}: ECE ${f(table.ece)} over ${table.n}; `
    + table.bins.map((bin) => `[${bin.from.toFixed(1)},${bin.to.toFixed(1)}) n=${bin.n} conf ${f(bin.confidence)} right ${f(bin.accuracy)}`).join('; '))
}
console.log(`results: ${out}/nezha-results.json, contexts: ${out}/nezha-contexts.json`)
