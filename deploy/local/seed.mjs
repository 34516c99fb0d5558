// Seeds the local stack with a demo tenant: an owner account, an Alertmanager API key and, when
// the project has no incident yet, one sample alert group, so the UI has something to show.
// Usage: node seed.mjs  (service URLs and the run directory come from the environment, see up.sh)
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const env = process.env
const auth = env.SRE_AUTH_URL ?? 'http://127.0.0.1:8081'
const incidents = env.SRE_INCIDENTS_URL ?? 'http://127.0.0.1:8082'
const ingest = env.SRE_INGEST_URL ?? 'http://127.0.0.1:8084'
const keyFile = join(env.SRE_RUN_DIR ?? '.run', 'demo-api-key')
const demo = { email: env.SRE_DEMO_EMAIL ?? 'demo@sre-copilot.local', password: env.SRE_DEMO_PASSWORD ?? 'demo-password' }

async function call(method, url, { token, body } = {}) {
  const headers = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

async function signIn() {
  const registered = await call('POST', `${auth}/api/v1/auth/register`,
    { body: { ...demo, fullName: 'Demo SRE', tenantName: 'Demo Org' } })
  if (registered.status === 201) return { token: registered.body.accessToken, projectId: registered.body.project.id }
  const login = await call('POST', `${auth}/api/v1/auth/login`, { body: demo })
  if (login.status !== 200) throw new Error(`demo login failed: ${login.status} ${JSON.stringify(login.body)}`)
  return { token: login.body.accessToken, projectId: login.body.activeProjectId }
}

/** The key is shown once, so it is kept in the run directory for later runs. */
async function apiKey({ token, projectId }) {
  const keys = await call('GET', `${auth}/api/v1/projects/${projectId}/api-keys`, { token })
  if (existsSync(keyFile)) {
    const saved = readFileSync(keyFile, 'utf8').trim()
    if (keys.body.items.some((key) => !key.revokedAt && saved.startsWith(`sre_${key.prefix}_`))) return saved
  }
  const created = await call('POST', `${auth}/api/v1/projects/${projectId}/api-keys`,
    { token, body: { name: 'demo-alertmanager', scopes: ['ingest:write'] } })
  if (created.status !== 201) throw new Error(`API key creation failed: ${created.status}`)
  writeFileSync(keyFile, created.body.key, { mode: 0o600 })
  return created.body.key
}

function sampleNotification() {
  const startsAt = new Date(Date.now() - 4 * 60_000).toISOString()
  const alert = (alertname, severity, summary, minutesLater) => ({
    status: 'firing',
    labels: { alertname, service: 'checkout', severity, namespace: 'shop' },
    annotations: { summary },
    startsAt: new Date(Date.parse(startsAt) + minutesLater * 60_000).toISOString(),
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.local/graph',
    fingerprint: `demo-${alertname.toLowerCase()}`,
  })
  return {
    version: '4', groupKey: '{}:{service="checkout"}', status: 'firing', receiver: 'sre-copilot',
    groupLabels: { service: 'checkout' }, commonLabels: { service: 'checkout', namespace: 'shop' },
    commonAnnotations: { summary: 'Checkout is failing and slow' }, externalURL: 'http://alertmanager.local',
    alerts: [alert('HighErrorRate', 'critical', 'Checkout 5xx rate above 5%', 0),
      alert('HighRequestLatency', 'warning', 'Checkout p99 latency above 2s', 2)],
  }
}

async function sendSampleAlert(session, key) {
  const existing = await call('GET', `${incidents}/api/v1/incidents?limit=1`, { token: session.token })
  if (existing.body.items.length > 0) return false
  for (let attempt = 0; attempt < 60; attempt++) {
    const sent = await call('POST', `${ingest}/api/v1/ingest/alertmanager`, { token: key, body: sampleNotification() })
    if (sent.status === 200) return true
    if (sent.status !== 401) throw new Error(`sample alert refused: ${sent.status} ${JSON.stringify(sent.body)}`)
    await new Promise((resolve) => setTimeout(resolve, 500)) // ingest has not received the new key yet
  }
  throw new Error('ingest never accepted the demo API key')
}

const session = await signIn()
const key = await apiKey(session)
const sent = await sendSampleAlert(session, key)
console.log(`demo login ${demo.email} / ${demo.password}`)
console.log(`demo Alertmanager API key in ${keyFile}`)
if (sent) console.log('sent a sample alert group (checkout errors and latency)')
