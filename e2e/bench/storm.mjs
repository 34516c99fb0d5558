// Alert storm through the whole running stack: GROUPS Alertmanager notifications at RATE/s, each a
// new alert group on a new service (3 alerts), sent open loop (a slow answer does not slow the
// sender). A live WebSocket client of the project times every group from the webhook's 200 to
// `incident.created` and to `analysis.completed`; every second it records each consumer group's
// lag on the stream and, at the end, the CPU each process used. Every group must give exactly one
// incident: counted from the live events and again through the API.
//
//   node storm.mjs [GROUPS=4000] [RATE=200] [SETTLE_SECONDS=120]
// Reads the demo login and API key that deploy/local/up.sh seeds (.run/demo-api-key).
// PROJECTS=N spreads the groups over N projects of the demo tenant (the demo project and N-1 made
// for the run, each with its API key and live client), so they fall into several stream partitions
// and replicas of a service share them (up.sh --replica).
// BENCH_JSON=file writes the raw figures as JSON too.
import http from 'node:http'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import WebSocket from 'ws'

const [groupsArg, rateArg, settleArg] = process.argv.slice(2)
const groups = Number(groupsArg ?? 4000)
const rate = Number(rateArg ?? 200)
const settle = Number(settleArg ?? 120)
const root = new URL('../../', import.meta.url).pathname
const runDir = process.env.SRE_RUN_DIR ?? `${root}.run`
const url = { auth: 'http://127.0.0.1:8081', incidents: 'http://127.0.0.1:8082', ingest: 'http://127.0.0.1:8084',
  ws: 'ws://127.0.0.1:8085/ws' }
const run = `storm${Date.now().toString(36)}`
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(process.env.CONNECTIONS ?? 64) })
const hz = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim())

async function call(method, target, { token, body } = {}) {
  const headers = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(target, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${target}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

const percentile = (values, p) => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const seconds = (ms) => (ms / 1000).toFixed(2)
const summary = (values) => `p50 ${seconds(percentile(values, 50))} s, p90 ${seconds(percentile(values, 90))} s, `
  + `p99 ${seconds(percentile(values, 99))} s, max ${seconds(Math.max(...values))} s (n=${values.length})`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** User plus system CPU ticks of a process or thread, from its /proc stat line (fields after the name). */
function ticksOf(statPath) {
  const stat = readFileSync(statPath, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/** CPU ticks of the stack's processes (.run/pids) and of every postgres and redis process. */
function cpuTicks() {
  const ticks = {}
  const add = (name, pid) => {
    try {
      ticks[name] = (ticks[name] ?? 0) + ticksOf(`/proc/${pid}/stat`)
    } catch { /* the process ended */ }
  }
  for (const file of readdirSync(`${runDir}/pids`)) {
    const name = file.replace(/\.pid$/, '')
    add(name, readFileSync(`${runDir}/pids/${file}`, 'utf8').trim())
  }
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
      if (comm === 'postgres' || comm === 'redis-server') add(comm, pid)
    } catch { /* gone */ }
  }
  return ticks
}

/** CPU ticks of each stack service's JVM split by thread: compiling (JIT), collecting (GC), the rest. */
function jvmTicks() {
  const ticks = {}
  for (const file of readdirSync(`${runDir}/pids`)) {
    const name = file.replace(/\.pid$/, '')
    const pid = readFileSync(`${runDir}/pids/${file}`, 'utf8').trim()
    let tasks = []
    try { tasks = readdirSync(`/proc/${pid}/task`) } catch { continue }
    for (const task of tasks) {
      try {
        const comm = readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim()
        const kind = /Compiler/.test(comm) ? 'jit' : /^(GC|G1)/.test(comm) ? 'gc' : 'app'
        ticks[`${name}.${kind}`] = (ticks[`${name}.${kind}`] ?? 0) + ticksOf(`/proc/${pid}/task/${task}/stat`)
      } catch { /* the thread ended */ }
    }
  }
  return ticks
}

/** The stream's partitions (sre.events.partitions, 16 unless SRE_EVENTS_PARTITIONS says otherwise). */
const partitions = Number(process.env.SRE_EVENTS_PARTITIONS ?? 16)
const streams = Array.from({ length: partitions }, (_, p) => (p === 0 ? 'sre:events' : `sre:events:${p}`))

/** Entries ever added to the event streams (XINFO STREAM's entries-added, unaffected by trimming). */
function streamEntries() {
  let added = 0
  for (const stream of streams) {
    try {
      const out = execFileSync('redis-cli', ['XINFO', 'STREAM', stream], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString().split('\n')
      added += Number(out[out.indexOf('entries-added') + 1]) || 0
    } catch {
      // a partition nothing was written to yet
    }
  }
  return added
}

/** Each consumer group's lag over every partition (entries not yet read). */
function groupLags() {
  const lags = {}
  for (const stream of streams) {
    let out
    try {
      out = execFileSync('redis-cli', ['--no-raw', 'XINFO', 'GROUPS', stream], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()
    } catch {
      continue // a partition no group was created on yet
    }
    let name
    const lines = out.split('\n').map((line) => line.replace(/^\s*\d+\)\s*/, '').replace(/^\d+\)\s*/, '').trim())
    for (let i = 0; i < lines.length; i++) {
      const key = lines[i].replace(/"/g, '')
      const value = (lines[i + 1] ?? '').replace(/^\(integer\)\s*/, '').replace(/"/g, '')
      if (key === 'name') name = value
      if (key === 'lag' && name) {
        const lag = value === '(nil)' ? null : Number(value)
        lags[name] = lags[name] === null || lag === null ? null : (lags[name] ?? 0) + lag
      }
    }
  }
  return lags
}

function notification(n) {
  const service = `${run}-svc-${n}`
  const alert = (alertname, i) => ({
    status: 'firing', labels: { alertname, service, severity: 'critical', storm: run, instance: `10.9.${n % 250}.${i}:9100` },
    annotations: { summary: `${alertname} on ${service}` }, startsAt: new Date().toISOString(),
    endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus.local', fingerprint: `${run}-${n}-${i}`,
  })
  return JSON.stringify({
    version: '4', groupKey: `{}:{service="${service}"}`, status: 'firing', receiver: 'sre-copilot',
    groupLabels: { service }, commonLabels: { service, storm: run }, commonAnnotations: {},
    externalURL: 'http://alertmanager:9093', truncatedAlerts: 0,
    alerts: [alert('HighErrorRate', 1), alert('HighLatency', 2), alert('PodRestarting', 3)],
  })
}

const login = await call('POST', `${url.auth}/api/v1/auth/login`,
  { body: { email: 'demo@sre-copilot.local', password: 'demo-password' } })
const projects = [{ id: login.project?.id, token: login.accessToken, apiKey: readFileSync(`${runDir}/demo-api-key`, 'utf8').trim() }]
for (let p = 1; p < Number(process.env.PROJECTS ?? 1); p++) {
  const project = await call('POST', `${url.auth}/api/v1/projects`, { token: login.accessToken, body: { name: `${run} ${p}` } })
  const switched = await call('POST', `${url.auth}/api/v1/auth/switch-project`,
    { token: login.accessToken, body: { projectId: project.id } })
  const key = await call('POST', `${url.auth}/api/v1/projects/${project.id}/api-keys`,
    { token: switched.accessToken, body: { name: run, scopes: ['ingest:write'] } })
  projects.push({ id: project.id, token: switched.accessToken, apiKey: key.key })
}
const projectOf = (n) => projects[n % projects.length]
// ingest learns of a new API key from the event stream: give it a moment before the storm.
if (projects.length > 1) await sleep(5000)

const byService = new Map()
const groupOf = (n) => byService.get(`${run}-svc-${n}`)
const byIncident = new Map()
const duplicates = []
let closed = null
function onMessage(raw) {
  const now = performance.now()
  const message = JSON.parse(raw.toString())
  if (message.type === 'incident.created') {
    const group = byService.get(message.data?.incident?.service)
    if (!group) return
    if (group.incidentAt !== undefined) duplicates.push(message.data.incident.id)
    group.incidentAt ??= now
    group.incidentId = message.data.incident.id
    byIncident.set(group.incidentId, group)
  } else if (message.type === 'analysis.completed' || message.type === 'analysis.failed') {
    const group = byIncident.get(message.data?.incidentId)
    if (group && group.analysedAt === undefined) {
      group.analysedAt = now
      group.analysis = message.type
    }
  }
}
const sockets = []
for (const project of projects) {
  const { ticket } = await call('POST', `${url.auth}/api/v1/auth/ws-ticket`, { token: project.token })
  const socket = new WebSocket(`${url.ws}?ticket=${encodeURIComponent(ticket)}`)
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject) })
  socket.on('close', (code) => { closed = code })
  socket.on('message', onMessage)
  sockets.push(socket)
}

const lagSeries = []
const lagTimer = setInterval(() => {
  try {
    lagSeries.push({ t: (performance.now() - started) / 1000, lags: groupLags() })
  } catch { /* Redis busy; the next second tells */ }
}, 1000)

// A stack still working through an earlier run would be measured with its backlog: wait it out.
for (let waited = 0; waited < 180; waited++) {
  const lags = groupLags()
  if (Object.values(lags).every((lag) => lag === 0)) break
  if (waited === 0) console.log(`waiting for the consumers to catch up first: ${JSON.stringify(lags)}`)
  await sleep(1000)
}
const cpuBefore = cpuTicks()
const streamBefore = streamEntries()
const jvmBefore = jvmTicks()
const started = performance.now()
const failures = []
let sent = 0
let answered = 0
await new Promise((resolve) => {
  const timer = setInterval(() => {
    const due = Math.min(groups, Math.floor((performance.now() - started) / 1000 * rate))
    for (; sent < due; sent++) {
      const n = sent
      const body = notification(n)
      const group = { n, dueAt: started + n * 1000 / rate }
      byService.set(`${run}-svc-${n}`, group)
      const request = http.request(`${url.ingest}/api/v1/ingest/alertmanager`, {
        method: 'POST', agent,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${projectOf(n).apiKey}`, 'Content-Length': Buffer.byteLength(body) },
      }, (response) => {
        response.resume()
        response.on('end', () => {
          group.acceptedAt = performance.now()
          if (response.statusCode !== 200) failures.push(`${n}: ${response.statusCode}`)
          if (++answered === groups) resolve()
        })
      })
      request.on('error', (error) => { failures.push(`${n}: ${error.message}`); if (++answered === groups) resolve() })
      request.end(body)
    }
    if (sent === groups) clearInterval(timer)
  }, 5)
})
const sendSeconds = (performance.now() - started) / 1000
const all = () => [...byService.values()]
for (let waited = 0; waited < settle * 1000; waited += 250) {
  if (all().every((group) => group.analysedAt !== undefined) || closed !== null) break
  await sleep(250)
}
const cpuAfter = cpuTicks()
const streamAfter = streamEntries()
const jvmAfter = jvmTicks()
const elapsed = (performance.now() - started) / 1000
clearInterval(lagTimer)
sockets.forEach((socket) => socket.close())

const accepted = all().filter((group) => group.acceptedAt !== undefined)
const toIncident = accepted.filter((group) => group.incidentAt !== undefined).map((group) => group.incidentAt - group.acceptedAt)
const toAnalysis = accepted.filter((group) => group.analysedAt !== undefined).map((group) => group.analysedAt - group.acceptedAt)
const webhook = accepted.map((group) => group.acceptedAt - group.dueAt)

// Through the API: every service of this run must have exactly one incident.
const perService = new Map()
for (const project of projects) {
  let cursor = null
  do {
    const page = await call('GET', `${url.incidents}/api/v1/incidents?limit=200&label=storm:${run}`
      + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''), { token: project.token })
    for (const incident of page.items) perService.set(incident.service, (perService.get(incident.service) ?? 0) + 1)
    cursor = page.nextCursor
  } while (cursor)
}
const missing = all().filter((group) => !perService.has(`${run}-svc-${group.n}`)).length
const doubled = [...perService.values()].filter((count) => count > 1).length

const cpu = Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, (cpuAfter[name] - (cpuBefore[name] ?? 0)) / hz]))
const jvm = {}
for (const [key, value] of Object.entries(jvmAfter)) {
  const [name, kind] = key.split('.')
  ;(jvm[name] ??= { app: 0, jit: 0, gc: 0 })[kind] = (value - (jvmBefore[key] ?? 0)) / hz
}
const cpuTotal = Object.values(cpu).reduce((a, b) => a + b, 0)
const maxLag = {}
for (const { lags } of lagSeries) {
  for (const [group, lag] of Object.entries(lags)) maxLag[group] = Math.max(maxLag[group] ?? 0, lag ?? 0)
}
const caughtUp = lagSeries.find(({ t, lags }) => t >= sendSeconds && Object.values(lags).every((lag) => lag === 0))

console.log(`storm ${run}: ${groups} new groups at ${rate}/s over ${projects.length} project(s), sent in ${sendSeconds.toFixed(1)} s, measured over ${elapsed.toFixed(1)} s`)
console.log(`webhook answered: ${accepted.length - failures.length} ok, ${failures.length} failed${failures.length ? ` (${failures.slice(0, 3).join('; ')})` : ''}; from due to 200: ${summary(webhook)}`)
console.log(`200 → incident.created: ${summary(toIncident)}`)
console.log(`200 → analysis.completed: ${summary(toAnalysis)}; ${all().filter((g) => g.analysis === 'analysis.failed').length} failed analyses`)
console.log(`incidents through the API: ${perService.size} services with an incident, ${missing} groups without one, `
  + `${doubled} with more than one; live duplicates ${duplicates.length}; socket ${closed === null ? 'open to the end' : `closed ${closed}`}`)
console.log(`CPU seconds: ${Object.entries(cpu).sort((a, b) => b[1] - a[1]).map(([name, s]) => `${name} ${s.toFixed(1)}`).join(', ')}; `
  + `total ${cpuTotal.toFixed(1)} s = ${(cpuTotal * 1000 / groups).toFixed(1)} ms per new incident`)
console.log(`events on the stream: ${streamAfter - streamBefore} (${((streamAfter - streamBefore) / groups).toFixed(1)} per new group)`)
console.log(`JVM CPU seconds by thread (application / JIT compiler / GC): ${Object.entries(jvm)
  .map(([name, k]) => `${name} ${k.app.toFixed(1)}/${k.jit.toFixed(1)}/${k.gc.toFixed(1)}`).join(', ')}`)
console.log(`max lag per consumer group (entries): ${Object.entries(maxLag).map(([g, l]) => `${g} ${l}`).join(', ')}; `
  + `all caught up ${caughtUp ? `${caughtUp.t.toFixed(0)} s after the first send` : 'not seen'}`)
if (process.env.BENCH_JSON) {
  writeFileSync(process.env.BENCH_JSON, JSON.stringify({ run, groups, rate, toIncident, toAnalysis, webhook, cpu, jvm, lagSeries }, null, 1))
}
process.exit(0)
