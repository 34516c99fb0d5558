// Realtime fan-out on the running stack: CLIENTS WebSocket clients over PROJECTS projects (each
// project its own tenant), events published to the projects' live channels at RATE events/s for
// SECONDS; every client checks it receives all of its project's events and none of another's, and
// records event-to-client latency (receive time − the event's occurredAt, one clock).
// Tickets are written to Redis as auth writes them (issuing them is not what is measured).
// The clients are spread over BENCH_WORKERS processes (default 2): one Node thread cannot read
// tens of thousands of messages a second and would measure itself rather than realtime.
// BENCH_WARMUP seconds (default 20) of the same load come first, delivered and checked like the rest
// but left out of the latency figures: a freshly started realtime is still compiling its send path.
// Usage: node realtime-fanout.mjs [CLIENTS=2000] [PROJECTS=20] [RATE=500] [SECONDS=30]
import net from 'node:net'
import { fork } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'

const realtime = process.env.SRE_REALTIME_WS ?? 'ws://127.0.0.1:8085/ws'
const redisPort = Number(process.env.SRE_REDIS_PORT ?? 6379)
const HISTOGRAM_MS = 120_000

if (process.argv[2] === '--worker') {
  runWorker()
} else {
  await runCoordinator(...process.argv.slice(2).map(Number))
}

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

async function runCoordinator(clients = 2000, projects = 20, rate = 500, seconds = 30) {
  const scopes = Array.from({ length: projects }, () => ({ tenantId: randomUUID(), projectId: randomUUID() }))
  const writer = redis()
  await writer.ready
  const tickets = []
  for (let i = 0; i < clients; i++) {
    const scope = scopes[i % projects]
    const ticket = randomUUID()
    writer.command('SETEX', `sre:ws-ticket:${ticket}`, 120, JSON.stringify({ tenantId: scope.tenantId,
      projectId: scope.projectId, userId: randomUUID(), role: 'viewer' }))
    tickets.push({ ticket, projectId: scope.projectId, index: i })
  }
  while (writer.replies() < clients) await new Promise((resolve) => setTimeout(resolve, 20))

  const workerCount = Number(process.env.BENCH_WORKERS ?? 2)
  const started = performance.now()
  const workers = Array.from({ length: workerCount }, (_, w) => {
    const child = fork(fileURLToPath(import.meta.url), ['--worker'])
    child.send({ tickets: tickets.filter((t) => t.index % workerCount === w) })
    return child
  })
  const reply = (child, type) => new Promise((resolve, reject) => {
    child.on('message', (message) => message.type === type && resolve(message))
    child.on('exit', (code) => code && reject(new Error(`a worker exited with ${code}`)))
  })
  await Promise.all(workers.map((child) => reply(child, 'connected')))
  console.log(`${clients} clients connected in ${((performance.now() - started) / 1000).toFixed(1)} s `
    + `(${workerCount} load processes)`)

  let published = 0
  const perProject = new Map(scopes.map((scope) => [scope.projectId, 0]))
  const warmup = Number(process.env.BENCH_WARMUP ?? 20)
  const begun = Date.now()
  workers.forEach((child) => child.send({ measureFrom: begun + warmup * 1000 }))
  seconds += warmup
  await new Promise((resolve) => {
    // Every 10 ms, publishes what is due by the clock, so a late tick does not lower the rate.
    const timer = setInterval(() => {
      const elapsed = Date.now() - begun
      const due = Math.floor(Math.min(elapsed, seconds * 1000) / 1000 * rate)
      for (; published < due; published++) {
        const scope = scopes[published % projects]
        const event = { id: randomUUID(), type: 'incident.updated', tenantId: scope.tenantId, projectId: scope.projectId,
          occurredAt: new Date().toISOString(), actor: { type: 'system', id: 'bench' },
          resource: { type: 'incident', id: randomUUID() }, data: { projectId: scope.projectId, n: published } }
        writer.command('PUBLISH', `sre:rt:${scope.tenantId}:${scope.projectId}`, JSON.stringify(event))
        perProject.set(scope.projectId, perProject.get(scope.projectId) + 1)
      }
      if (elapsed >= seconds * 1000) { clearInterval(timer); resolve() }
    }, 10)
  })
  await new Promise((resolve) => setTimeout(resolve, 3000)) // let the last messages arrive

  const results = await Promise.all(workers.map((child) => {
    const done = reply(child, 'stats')
    child.send({ expected: Object.fromEntries(perProject) })
    return done
  }))
  writer.close()
  const histogram = new Array(HISTOGRAM_MS + 1).fill(0)
  let received = 0
  let foreign = 0
  let short = 0
  let closedSlow = 0
  for (const result of results) {
    received += result.received
    foreign += result.foreign
    short += result.short
    closedSlow += result.closedSlow
    result.histogram.forEach(([ms, count]) => { histogram[ms] += count })
  }
  const expected = tickets.reduce((sum, t) => sum + perProject.get(t.projectId), 0)
  const measured = histogram.reduce((sum, count) => sum + count, 0)
  const at = (p) => {
    let seen = 0
    const wanted = Math.ceil(p / 100 * measured)
    for (let ms = 0; ms <= HISTOGRAM_MS; ms++) if ((seen += histogram[ms]) >= wanted) return ms
    return HISTOGRAM_MS
  }
  const max = histogram.findLastIndex((count) => count > 0)
  console.log(`published ${published} events (${(published / seconds).toFixed(0)}/s, the first ${warmup} s unmeasured) `
    + `to ${projects} projects; `
    + `messages expected ${expected}, received ${received} (${(received / seconds).toFixed(0)}/s), `
    + `clients short of messages ${short}, closed as slow ${closedSlow}, messages of another project ${foreign}`)
  console.log(`event-to-client latency: p50 ${at(50)} ms, p90 ${at(90)} ms, p99 ${at(99)} ms, max ${max} ms`)
}

/** Opens its share of the clients, counts what each receives, reports when asked. */
function runWorker() {
  const histogram = new Uint32Array(HISTOGRAM_MS + 1)
  const counts = new Map()
  let foreign = 0
  let closedSlow = 0
  let measureFrom = Infinity
  const sockets = []
  process.on('message', (message) => { if (message.measureFrom) measureFrom = message.measureFrom })
  process.once('message', async ({ tickets }) => {
    const BATCH = Number(process.env.BENCH_HANDSHAKE_BATCH ?? 100)
    for (let batch = 0; batch < tickets.length; batch += BATCH) {
      await Promise.all(tickets.slice(batch, batch + BATCH).map(({ ticket, projectId, index }) => new Promise((resolve, reject) => {
        const ws = new WebSocket(`${realtime}?ticket=${ticket}`, { perMessageDeflate: false, skipUTF8Validation: true })
        const projectMarker = Buffer.from(`"projectId":"${projectId}"`)
        counts.set(index, { projectId, received: 0 })
        ws.on('open', () => { sockets.push(ws); resolve() })
        ws.on('error', reject)
        ws.on('close', (code) => { if (code === 4008) closedSlow++ })
        ws.on('message', (raw) => {
          const now = Date.now()
          // Only the two fields the check needs, without parsing the whole message.
          const at = raw.indexOf('"occurredAt":"')
          if (raw.indexOf('{"id":"') !== 0 || at < 0) return // a control message (no event id)
          if (raw.indexOf(projectMarker) < 0) { foreign++; return }
          counts.get(index).received++
          const occurred = Date.parse(raw.toString('latin1', at + 14, raw.indexOf('"', at + 14)))
          if (occurred >= measureFrom) histogram[Math.min(HISTOGRAM_MS, Math.max(0, now - occurred))]++
        })
      })))
    }
    process.send({ type: 'connected' })
    process.on('message', ({ expected }) => {
      if (!expected) return
      let received = 0
      let short = 0
      for (const { projectId, received: got } of counts.values()) {
        received += got
        if (got < expected[projectId]) short++
      }
      const buckets = []
      histogram.forEach((count, ms) => { if (count) buckets.push([ms, count]) })
      sockets.forEach((ws) => ws.terminate())
      process.send({ type: 'stats', received, foreign, short, closedSlow, histogram: buckets }, () => process.exit(0))
    })
  })
}
