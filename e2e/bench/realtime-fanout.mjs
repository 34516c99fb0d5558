// Realtime fan-out on the running stack: CLIENTS WebSocket clients over PROJECTS projects (each
// project its own tenant), events published to the projects' live channels at RATE events/s for
// SECONDS; every client checks it receives all of its project's events and none of another's, and
// records event-to-client latency (receive time − the event's occurredAt, one clock).
// Tickets are written to Redis as auth writes them (issuing them is not what is measured).
// Usage: node realtime-fanout.mjs [CLIENTS=2000] [PROJECTS=20] [RATE=500] [SECONDS=30]
import net from 'node:net'
import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'

const [clients = 2000, projects = 20, rate = 500, seconds = 30] = process.argv.slice(2).map(Number)
const realtime = process.env.SRE_REALTIME_WS ?? 'ws://127.0.0.1:8085/ws'
const redisPort = Number(process.env.SRE_REDIS_PORT ?? 6379)

/** A minimal Redis connection speaking RESP: fire commands, count replies. */
function redis() {
  const socket = net.createConnection({ host: '127.0.0.1', port: redisPort })
  let replies = 0
  socket.on('data', (chunk) => { for (const byte of chunk) if (byte === 10) replies++ })
  const command = (...args) => socket.write(`*${args.length}\r\n` + args.map((arg) => {
    const text = String(arg)
    return `$${Buffer.byteLength(text)}\r\n${text}\r\n`
  }).join(''))
  return { command, replies: () => replies, close: () => socket.end(), ready: new Promise((r) => socket.once('connect', r)) }
}

const scopes = Array.from({ length: projects }, () => ({ tenantId: randomUUID(), projectId: randomUUID() }))
const writer = redis()
await writer.ready

const sockets = []
const stats = { received: 0, foreign: 0, latencies: [], perClient: new Map() }
for (let i = 0; i < clients; i++) {
  const scope = scopes[i % projects]
  const ticket = randomUUID()
  writer.command('SETEX', `sre:ws-ticket:${ticket}`, 120, JSON.stringify({ tenantId: scope.tenantId, projectId: scope.projectId,
    userId: randomUUID(), role: 'viewer' }))
  sockets.push({ ticket, scope, index: i })
}
while (writer.replies() < clients) await new Promise((resolve) => setTimeout(resolve, 20))
// Handshakes in batches (500 at once connect too: realtime's Redis pool queues a reconnect wave).
const BATCH = Number(process.env.BENCH_HANDSHAKE_BATCH ?? 100)
const opened = []
const started = performance.now()
for (let batch = 0; batch < sockets.length; batch += BATCH) {
  await Promise.all(sockets.slice(batch, batch + BATCH).map(({ ticket, scope, index }) => new Promise((resolve, reject) => {
    const ws = new WebSocket(`${realtime}?ticket=${ticket}`)
    stats.perClient.set(index, 0)
    ws.on('open', () => { opened.push(ws); resolve() })
    ws.on('error', reject)
    ws.on('message', (raw) => {
      const now = Date.now()
      const message = JSON.parse(raw)
      if (!message.id) return
      if (message.data.projectId !== scope.projectId) { stats.foreign++; return }
      stats.received++
      stats.perClient.set(index, stats.perClient.get(index) + 1)
      stats.latencies.push(now - Date.parse(message.occurredAt))
    })
  })))
}
console.log(`${opened.length} clients connected in ${((performance.now() - started) / 1000).toFixed(1)} s`)

const perTick = rate / 100 // a tick every 10 ms
let published = 0
const perProject = new Array(projects).fill(0)
let carry = 0
const end = Date.now() + seconds * 1000
await new Promise((resolve) => {
  const timer = setInterval(() => {
    if (Date.now() >= end) { clearInterval(timer); resolve(); return }
    carry += perTick
    while (carry >= 1) {
      carry--
      const p = published % projects
      const scope = scopes[p]
      const event = { id: randomUUID(), type: 'incident.updated', tenantId: scope.tenantId, projectId: scope.projectId,
        occurredAt: new Date().toISOString(), actor: { type: 'system', id: 'bench' },
        resource: { type: 'incident', id: randomUUID() }, data: { projectId: scope.projectId, n: published } }
      writer.command('PUBLISH', `sre:rt:${scope.tenantId}:${scope.projectId}`, JSON.stringify(event))
      perProject[p]++
      published++
    }
  }, 10)
})
await new Promise((resolve) => setTimeout(resolve, 3000)) // let the last messages arrive

const expected = Array.from({ length: clients }, (_, i) => perProject[i % projects]).reduce((a, b) => a + b, 0)
const short = [...stats.perClient.entries()].filter(([i, count]) => count < perProject[i % projects]).length
const sorted = stats.latencies.sort((a, b) => a - b)
const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]
console.log(`published ${published} events (${(published / seconds).toFixed(0)}/s) to ${projects} projects; `
  + `messages expected ${expected}, received ${stats.received} (${(stats.received / seconds).toFixed(0)}/s), `
  + `clients short of messages ${short}, messages of another project ${stats.foreign}`)
console.log(`event-to-client latency: p50 ${at(50)} ms, p90 ${at(90)} ms, p99 ${at(99)} ms, max ${sorted[sorted.length - 1]} ms`)
opened.forEach((ws) => ws.terminate())
writer.close()
