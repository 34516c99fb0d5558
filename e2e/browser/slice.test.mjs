// The thin slice in a real browser: sign in, watch the incident list, an alert arrives, the new
// incident appears without a reload, and its detail page shows the first hypothesis; acknowledging it
// shows in the audit log with the state before and after, and the chain verifies.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { chromium } from 'playwright-core'

const env = process.env
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run']

function notification() {
  const startsAt = new Date(Date.now() - 5 * 60_000).toISOString()
  const alert = (alertname, severity, summary) => ({
    status: 'firing', labels: { alertname, service: 'checkout', severity }, annotations: { summary },
    startsAt, endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus/graph', fingerprint: `browser-${alertname}`,
  })
  return {
    version: '4', groupKey: '{}:{browser="slice"}', status: 'firing', receiver: 'sre-copilot',
    groupLabels: {}, commonLabels: { service: 'checkout' }, commonAnnotations: { summary: 'Checkout is failing' },
    externalURL: 'http://alertmanager', alerts: [alert('HighErrorRate', 'critical', 'Checkout 5xx above 5%')],
  }
}

/** The key reaches ingest through the event stream, so the first tries may be refused. */
async function sendAlert() {
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await fetch(`${env.INGEST_URL}/api/v1/ingest/alertmanager`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${env.API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(notification()),
    })
    if (response.status === 200) return
    assert.equal(response.status, 401, `ingest answered ${response.status}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  assert.fail('ingest never accepted the API key')
}

test('a new incident appears live, is acknowledged (audited), resolved, written up and learned', { timeout: 120_000 }, async () => {
  const browser = await chromium.launch({ executablePath: env.CHROMIUM, headless: true, args: CHROMIUM_FLAGS })
  try {
    const page = await browser.newPage()
    await page.goto(`${env.UI_URL}/login`)
    await page.fill('input[name=email]', env.EMAIL)
    await page.fill('input[name=password]', env.PASSWORD)
    await page.click('button[type=submit]')
    await page.locator('[data-test=empty]').waitFor()
    await page.locator('[data-test=live-state].live').waitFor({ timeout: 20_000 })
    await page.evaluate(() => { window.__stillTheSamePage = true })

    await sendAlert()

    const row = page.locator('[data-test=incident-row]').first()
    await row.waitFor({ timeout: 30_000 })
    assert.match(await row.textContent(), /Checkout is failing/)
    assert.equal(await page.evaluate(() => window.__stillTheSamePage), true, 'the list updated without a reload')
    await page.screenshot({ path: `${env.SCREENSHOTS}/incidents.png`, fullPage: true })

    await row.click()
    await page.locator('[data-test=hypothesis]').first().waitFor({ timeout: 30_000 })
    assert.equal((await page.locator('[data-test=claim]').first().textContent()).trim(), 'checkout is failing requests')
    assert.match(await page.locator('[data-test=confidence]').first().textContent(), /\d+%/)
    assert.match(await page.locator('[data-test=title]').textContent(), /INC-1 Checkout is failing/)
    await page.screenshot({ path: `${env.SCREENSHOTS}/incident.png`, fullPage: true })

    // Acknowledging is audited with the state before and after, and the owner's chain still holds.
    await page.getByRole('button', { name: 'Acknowledge' }).click()
    await page.getByText(/· acknowledged/).waitFor({ timeout: 15_000 })
    await page.click('[data-test=nav-audit]')
    const transition = page.locator('[data-test=audit-row]', { hasText: /transitions → 200/ }).first()
    for (let attempt = 0; attempt < 40 && !(await transition.isVisible()); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500)) // the record travels through the event stream
      await page.reload()
      await page.locator('[data-test=audit], [data-test=empty]').first().waitFor()
    }
    await transition.getByRole('button', { name: 'Details' }).click()
    const state = page.locator('[data-test=changes] tr', { hasText: '/state' })
    assert.match(await state.textContent(), /DETECTED\s*ACKNOWLEDGED/)
    await page.click('[data-test=verify]')
    await page.locator('[data-test=chain-ok]').waitFor({ timeout: 15_000 })
    await page.screenshot({ path: `${env.SCREENSHOTS}/audit.png`, fullPage: true })

    // The dashboard counts the open incident; AI usage shows the month against the budget; both themes render.
    await page.click('[data-test=nav-dashboard]')
    assert.match(await page.locator('[data-test=open-total]').textContent({ timeout: 15_000 }), /1\s*open incidents/)
    await page.screenshot({ path: `${env.SCREENSHOTS}/dashboard.png`, fullPage: true })
    await page.click('[data-test=nav-ai-usage]')
    await page.locator('[data-test=budget]').waitFor({ timeout: 15_000 })
    await page.screenshot({ path: `${env.SCREENSHOTS}/ai-usage.png`, fullPage: true })
    await page.click('[data-test=nav-integrations]')
    await page.click('[data-test=create-key]')
    assert.match(await page.locator('[data-test=snippet]').textContent({ timeout: 15_000 }), /credentials: sre_/)
    await page.screenshot({ path: `${env.SCREENSHOTS}/integrations.png`, fullPage: true })
    await page.click('[data-test=theme]')
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
    await page.screenshot({ path: `${env.SCREENSHOTS}/ai-usage-dark.png`, fullPage: true })

    // Resolve, write the postmortem, mark it learned: the end of an incident's life.
    await page.click('[data-test=nav-incidents]')
    await page.locator('[data-test=incident-row]').first().click()
    await page.getByRole('button', { name: 'Resolve' }).click()
    await page.locator('[data-test=postmortem]').waitFor({ timeout: 15_000 })
    await page.fill('[data-test=pm-summary]', 'Checkout failed requests for twenty minutes')
    await page.fill('[data-test=pm-impact]', 'About 3 % of orders failed')
    await page.fill('[data-test=pm-root-cause]', 'The payment client pool was too small after the deploy')
    await page.click('[data-test=pm-save]')
    await page.locator('[data-test=pm-complete]').waitFor({ timeout: 15_000 })
    await page.getByRole('button', { name: 'Mark learned' }).click()
    await page.locator('[data-test=state].learned').waitFor({ timeout: 15_000 })
    await page.screenshot({ path: `${env.SCREENSHOTS}/incident-learned.png`, fullPage: true })
  } finally {
    await browser.close()
  }
})

/** Calls the API through the UI's origin (the same routing browsers get). */
async function call(path, { token, method = 'GET', body } = {}) {
  const response = await fetch(`${env.UI_URL}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: response.status, body: response.status === 204 ? null : await response.json().catch(() => null) }
}

test('a viewer sees no write buttons, and the API refuses the writes anyway', { timeout: 120_000 }, async () => {
  const owner = (await call('/api/v1/auth/login', { method: 'POST', body: { email: env.EMAIL, password: env.PASSWORD } })).body
  const projectId = owner.activeProjectId
  const email = `viewer-${Date.now()}@example.com`
  const invited = await call(`/api/v1/projects/${projectId}/members`,
    { token: owner.accessToken, method: 'POST', body: { email, role: 'viewer' } })
  assert.equal(invited.status, 201)
  const password = 'a viewer password'
  const viewer = await call('/api/v1/auth/invitations/accept',
    { method: 'POST', body: { token: invited.body.invitationToken, fullName: 'Vera Viewer', password } })
  assert.equal(viewer.status, 201)
  const incidents = (await call('/api/v1/incidents', { token: viewer.body.accessToken })).body.items
  assert.ok(incidents.length > 0, 'the project has an incident to look at')

  const browser = await chromium.launch({ executablePath: env.CHROMIUM, headless: true, args: CHROMIUM_FLAGS })
  try {
    const page = await browser.newPage()
    await page.goto(`${env.UI_URL}/login`)
    await page.fill('input[name=email]', email)
    await page.fill('input[name=password]', password)
    await page.click('button[type=submit]')
    await page.locator('[data-test=incident-row]').first().click()
    await page.locator('[data-test=title]').waitFor({ timeout: 15_000 })
    assert.equal(await page.locator('.actions button').count(), 0, 'no transition buttons')
    assert.equal(await page.locator('[data-test=comment-form]').count(), 0, 'no comment form')
    assert.equal(await page.locator('[data-test=declare]').count(), 0)
    assert.equal(await page.locator('[data-test=nav-audit]').count(), 0, 'no audit log for viewers')
    await page.screenshot({ path: `${env.SCREENSHOTS}/viewer-incident.png`, fullPage: true })
  } finally {
    await browser.close()
  }
  const refused = await call(`/api/v1/incidents/${incidents[0].id}/transitions`,
    { token: viewer.body.accessToken, method: 'POST', body: { to: 'INVESTIGATING' } })
  assert.equal(refused.status, 403)
})
