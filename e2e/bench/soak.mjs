// Soak: Alertmanager notifications (10 new alerts each) at a constant rate against a running local
// stack for a long time, reporting every WINDOW seconds the webhook latency (p50, p99, max, measured
// from when each notification was due, so a stall is not hidden by sending less), the answers, the
// resident memory of each service, Redis' memory and each consumer group's lag (audit's System
// health). Open loop: a slow answer does not slow the sender; at most CONNECTIONS are in flight and
// the rest queue, their wait counted.
//
//   node soak.mjs <ingest url> <audit url> <api key> <token> <run dir> [RATE=500/s] [SECONDS=600] [WINDOW=60]
import http from 'node:http'
import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

const [ingestUrl, auditUrl, key, token, runDir, rateArg, secondsArg, windowArg] = process.argv.slice(2)
const rate = Number(rateArg ?? 500)
const seconds = Number(secondsArg ?? 600)
const window = Number(windowArg ?? 60)
const warmup = Number(process.env.BENCH_WARMUP ?? 60)
const services = ['auth', 'incidents', 'ai', 'ingest', 'realtime', 'audit']
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(process.env.CONNECTIONS ?? 32) })
const run = `soak${Date.now()}`
const groups = 1000

let sent = 0
let current = newWindow()
const rows = []

function newWindow () {
  return { latencies: [], ok: 0, other: 0, errors: 0 }
}

function notification (n) {
  const alerts = []
  for (let i = 1; i <= 10; i++) {
    alerts.push({
      status: 'firing',
      labels: { alertname: `SoakAlert${i}`, service: `soak-${n % 50}`, severity: 'warning', instance: `10.0.0.${i}:9100` },
      annotations: { summary: `Soak alert ${i} of notification ${n}` },
      startsAt: '2026-11-30T06:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: `${run}-${n}-${i}`
    })
  }
  const group = n % groups
  return JSON.stringify({
    version: '4', groupKey: `{}:{soak="${run}-${group}"}`, status: 'firing', receiver: 'sre-copilot',
    groupLabels: { soak: String(group) }, commonLabels: { severity: 'warning' }, commonAnnotations: {},
    externalURL: 'http://alertmanager:9093', truncatedAlerts: 0, alerts
  })
}

function send (n, due, measured) {
  const body = notification(n)
  const request = http.request(`${ingestUrl}/api/v1/ingest/alertmanager`, {
    method: 'POST',
    agent,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}`, 'Content-Length': Buffer.byteLength(body) }
  }, response => {
    response.resume()
    response.on('end', () => {
      if (!measured) return
      current.latencies.push(performance.now() - due)
      if (response.statusCode === 200) current.ok++
      else current.other++
    })
  })
  request.on('error', () => { if (measured) current.errors++ })
  request.end(body)
}

function percentile (sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN
}

function rss (name) {
  try {
    const pid = readFileSync(`${runDir}/pids/${name}.pid`, 'utf8').trim()
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS'))
    return Math.round(Number(line.split(/\s+/)[1]) / 1024)
  } catch { return NaN }
}

function redisMemory () {
  try {
    const info = execFileSync('redis-cli', ['info', 'memory'], { encoding: 'utf8' })
    return Math.round(Number(/used_memory:(\d+)/.exec(info)[1]) / 1024 / 1024)
  } catch { return NaN }
}

async function lags () {
  try {
    const answer = await fetch(`${auditUrl}/api/v1/system/health`, { headers: { Authorization: `Bearer ${token}` } })
    const health = await answer.json()
    return Object.fromEntries((health.pipeline ?? []).map(g => [g.group, g.lag ?? g.pending]))
  } catch { return {} }
}

async function report (minute) {
  const w = current
  current = newWindow()
  const sorted = w.latencies.sort((a, b) => a - b)
  const row = {
    t: minute, acknowledged: w.ok, refused: w.other, errors: w.errors,
    rate: Math.round(w.ok * 10 / window),
    p50: +percentile(sorted, 0.5).toFixed(1), p99: +percentile(sorted, 0.99).toFixed(1), max: +(sorted.at(-1) ?? NaN).toFixed(1),
    rss: Object.fromEntries(services.map(s => [s, rss(s)])), redisMb: redisMemory(), lag: await lags()
  }
  rows.push(row)
  console.log(`${String(row.t).padStart(5)} s  ${String(row.rate).padStart(6)} alerts/s  p50 ${String(row.p50).padStart(6)} ms  ` +
    `p99 ${String(row.p99).padStart(7)} ms  max ${String(row.max).padStart(7)} ms  refused ${row.refused + row.errors}  ` +
    `rss ${services.map(s => `${s} ${row.rss[s]}`).join(' ')} MiB  redis ${row.redisMb} MiB  ` +
    `lag ${Object.entries(row.lag).map(([g, l]) => `${g} ${l}`).join(' ')}`)
}

async function main () {
  console.log(`soak: ${rate} notifications/s (${rate * 10} alerts/s), ${warmup} s warm-up, ${seconds} s measured, windows of ${window} s`)
  const start = performance.now()
  const measureFrom = start + warmup * 1000
  const end = measureFrom + seconds * 1000
  let nextReport = measureFrom + window * 1000
  while (true) {
    const now = performance.now()
    if (now >= end) break
    const due = Math.floor((now - start) * rate / 1000)
    while (sent < due) {
      const dueAt = start + sent * 1000 / rate
      send(sent, dueAt, dueAt >= measureFrom)
      sent++
    }
    if (now >= nextReport) {
      await report(Math.round((nextReport - measureFrom) / 1000))
      nextReport += window * 1000
    }
    await new Promise(resolve => setTimeout(resolve, 5))
  }
  await new Promise(resolve => setTimeout(resolve, 5000)) // the last answers
  if (rows.length * window < seconds) await report(seconds)
  const first = rows[0]
  const last = rows.at(-1)
  const p99s = rows.map(r => r.p99).sort((a, b) => a - b)
  console.log(`RESULT windows=${rows.length} p99_first=${first.p99} p99_last=${last.p99} p99_median=${p99s[Math.floor(p99s.length / 2)]} ` +
    `p99_worst=${p99s.at(-1)} refused=${rows.reduce((s, r) => s + r.refused + r.errors, 0)} ` +
    services.map(s => `rss_${s}=${first.rss[s]}->${last.rss[s]}`).join(' '))
  agent.destroy()
}

main()
