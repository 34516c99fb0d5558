// Audit's consumer under a sustained event rate: RATE events/s for SECONDS appended to the event
// stream (as the outbox relay appends them, spread over TENANTS tenants), while the consumer
// group "audit" is sampled every 250 ms. Lag is the age of the oldest event audit has not yet
// acknowledged (recorded in its tenant's hash chain and committed): now − that entry's stream time.
// At the end it waits for audit to catch up and counts that every event was recorded exactly once.
// Usage: node audit-throughput.mjs [RATE=5000] [SECONDS=60] [TENANTS=20]
import net from 'node:net'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'

const [rate = 5000, seconds = 60, tenants = 20] = process.argv.slice(2).map(Number)
const stream = process.env.SRE_EVENTS_STREAM ?? 'sre:events'
const group = process.env.SRE_AUDIT_GROUP ?? 'audit'
const redisPort = Number(process.env.SRE_REDIS_PORT ?? 6379)
const database = process.env.SRE_DB_NAME ?? 'sre_copilot'

/** Commands pipelined on one connection; replies counted (one line each: XADD answers an id). */
function redis() {
  const socket = net.createConnection({ host: '127.0.0.1', port: redisPort })
  let replies = 0
  socket.on('data', (chunk) => { for (const byte of chunk) if (byte === 10) replies++ })
  const encode = (args) => `*${args.length}\r\n` + args.map((arg) => {
    const text = String(arg)
    return `$${Buffer.byteLength(text)}\r\n${text}\r\n`
  }).join('')
  return {
    send: (commands) => socket.write(commands.map(encode).join('')),
    replies: () => Math.floor(replies / 2), // "$<len>" line, then the id line
    close: () => socket.end(),
    ready: new Promise((resolve) => socket.once('connect', resolve)),
  }
}

const cli = (...args) => execFileSync('redis-cli', ['-p', String(redisPort), ...args]).toString().split('\n')
const psql = (sql) => execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', database, '-Atc', sql]).toString().trim()

/** Age in ms of the oldest event of the stream the group has not acknowledged; 0 when caught up. */
function lagMs() {
  // Raw replies, one value a line. XPENDING: count, smallest id, largest id, then per consumer.
  const [count, smallest] = cli('XPENDING', stream, group)
  let oldest = Number(count) > 0 ? smallest : null
  if (!oldest) {
    const info = cli('XINFO', 'GROUPS', stream)
    const at = info.findIndex((line, i) => line === group && info[i - 1] === 'name')
    const lastDelivered = info[info.indexOf('last-delivered-id', at) + 1]
    const [next] = cli('XRANGE', stream, `(${lastDelivered}`, '+', 'COUNT', '1')
    if (!next) return 0
    oldest = next
  }
  return Math.max(0, Date.now() - Number(oldest.split('-')[0]))
}

const scopes = Array.from({ length: tenants }, () => ({ tenantId: randomUUID(), projectId: randomUUID() }))
const runId = randomUUID().slice(0, 8)
const writer = redis()
await writer.ready
try { cli('XGROUP', 'CREATE', stream, group, '$', 'MKSTREAM') } catch { /* the group exists */ }

let sent = 0
const lags = []
const started = Date.now()
const tickMs = 10
const sampler = setInterval(() => lags.push({ at: Date.now() - started, lag: lagMs() }), 250)
await new Promise((resolve) => {
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - started) / 1000) * rate) - sent
    const commands = []
    for (let i = 0; i < due; i++, sent++) {
      const scope = scopes[sent % tenants]
      const id = randomUUID()
      const event = {
        id, type: 'bench.audited', tenantId: scope.tenantId, projectId: scope.projectId,
        occurredAt: new Date().toISOString(), actor: { type: 'system', id: `bench-${runId}` },
        resource: { type: 'bench', id: String(sent) }, data: { run: runId, n: sent },
      }
      commands.push(['XADD', stream, 'MAXLEN', '~', '1000000', '*', 'id', id, 'type', event.type,
        'tenantId', scope.tenantId, 'projectId', scope.projectId, 'event', JSON.stringify(event)])
    }
    if (commands.length) writer.send(commands)
    if (Date.now() - started >= seconds * 1000) { clearInterval(timer); resolve() }
  }, tickMs)
})
const elapsed = (Date.now() - started) / 1000
// Catch-up: until nothing is left unacknowledged (or two minutes).
const drainStarted = Date.now()
while (lagMs() > 0 && Date.now() - drainStarted < 120_000) await new Promise((r) => setTimeout(r, 250))
clearInterval(sampler)
const drained = (Date.now() - drainStarted) / 1000
writer.close()

const tenantList = scopes.map((s) => `'${s.tenantId}'`).join(',')
const [recorded, distinct] = psql(`SELECT count(*), count(DISTINCT event_id) FROM audit.audit_record WHERE tenant_id IN (${tenantList})`)
  .split('|').map(Number)
const during = lags.filter((s) => s.at <= seconds * 1000).map((s) => s.lag).sort((a, b) => a - b)
const pick = (q) => during[Math.min(during.length - 1, Math.floor(q * during.length))]
console.log(JSON.stringify({
  asked: rate, sent, seconds: elapsed, sentPerSecond: Math.round(sent / elapsed), tenants,
  lagMs: { p50: pick(0.5), p90: pick(0.9), p99: pick(0.99), max: during.at(-1), samples: during.length },
  lagEveryFiveSecondsMs: lags.filter((s, i) => i % 20 === 19).map((s) => s.lag),
  caughtUpAfterSeconds: drained, recorded, distinct, exactlyOnce: recorded === sent && distinct === sent,
}, null, 2))
