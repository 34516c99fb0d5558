// The product in a real browser, as a new team meets it: register, connect a real Prometheus and a
// real Alertmanager (with the receiver the UI generates), an alert arrives and the incident appears
// live; its alerts, the metrics around it charted from Prometheus, its hypotheses and their confidence
// breakdown, acknowledge (audited, chain verified), resolve, postmortem, LEARNED.
// Then every main page is checked for WCAG AA (axe-core), a phone's width and the keyboard, with
// screenshots kept; and a viewer sees no write buttons while the API refuses the writes anyway.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { assertAccessible, env, launch, overflowsSideways, startAlertmanager, startPrometheus } from './support.mjs'

const team = { fullName: 'Olivia Owner', email: `owner-${Date.now()}@example.com`, password: 'a long enough password', tenant: 'Initech' }
let incidentPath

async function waitForLive(page) {
  await page.locator('[data-test=live-state].live').waitFor({ timeout: 20_000 })
}

test('register, connect a real Alertmanager, and follow its alert from live incident to LEARNED', { timeout: 180_000 }, async () => {
  // Prometheus scrapes ingest as if it were the team's checkout service, from the start, so the
  // incident has some history to chart.
  const prometheus = await startPrometheus(env.INGEST_URL, 'checkout')
  const browser = await launch()
  let alertmanager
  try {
    const page = await browser.newPage()
    await page.goto(`${env.UI_URL}/register`)
    await page.fill('input[name=fullName]', team.fullName)
    await page.fill('input[name=email]', team.email)
    await page.fill('input[name=tenantName]', team.tenant)
    await page.fill('input[name=password]', team.password)
    await page.click('button[type=submit]')
    await page.locator('[data-test=empty]').waitFor({ timeout: 15_000 })

    // Connect Prometheus, test it, and watch checkout's traffic with a template from the library.
    await page.click('[data-test=nav-integrations]')
    const connect = page.locator('[data-test=add-connection]')
    await connect.getByLabel('Name').fill('Production Prometheus')
    await connect.getByLabel('URL').fill(prometheus.url)
    await connect.getByRole('button', { name: 'Connect' }).click()
    const connection = page.locator('[data-test=connection]').first()
    await connection.getByRole('button', { name: 'Test' }).click()
    assert.match(await connection.locator('[data-test=test-result]').textContent({ timeout: 15_000 }), /^Reached in \d+ ms/)
    await connection.locator('select').selectOption('golden-traffic')
    await connection.locator('[data-test=add-template]').click()
    await connection.locator('[data-test=template]', { hasText: 'request rate' }).waitFor({ timeout: 15_000 })
    await prometheus.waitForData('sum by (service) (rate(http_server_requests_seconds_count[5m]))')

    // Connect Alertmanager: a key made for it, inside a receiver pasted into a real Alertmanager's config.
    await page.click('[data-test=create-key]')
    const snippet = await page.locator('[data-test=snippet]').textContent({ timeout: 15_000 })
    assert.match(snippet, /credentials: sre_/)
    await page.screenshot({ path: `${env.SCREENSHOTS}/integrations.png`, fullPage: true })
    alertmanager = await startAlertmanager(snippet)

    await page.click('[data-test=nav-incidents]')
    await page.locator('[data-test=empty]').waitFor()
    await waitForLive(page)
    await page.evaluate(() => { window.__stillTheSamePage = true })
    await alertmanager.fire([{
      labels: { alertname: 'HighErrorRate', service: 'checkout', severity: 'critical' },
      annotations: { summary: 'Checkout is failing' },
      startsAt: new Date(Date.now() - 5 * 60_000).toISOString(), generatorURL: 'http://prometheus.example/graph',
    }])

    const row = page.locator('[data-test=incident-row]').first()
    await row.waitFor({ timeout: 60_000 }).catch((error) => {
      throw new Error(`no incident appeared; Alertmanager said:\n${alertmanager.log()}`, { cause: error })
    })
    assert.match(await row.textContent(), /Checkout is failing/)
    assert.equal(await page.evaluate(() => window.__stillTheSamePage), true, 'the list updated without a reload')
    await page.screenshot({ path: `${env.SCREENSHOTS}/incidents.png`, fullPage: true })

    await row.click()
    await page.locator('[data-test=hypothesis]').first().waitFor({ timeout: 30_000 })
    incidentPath = new URL(page.url()).pathname
    assert.equal((await page.locator('[data-test=claim]').first().textContent()).trim(), 'checkout is failing requests')
    assert.match(await page.locator('[data-test=confidence]').first().textContent(), /\d+%/)
    assert.match(await page.locator('[data-test=title]').textContent(), /INC-1 Checkout is failing/)
    assert.match(await page.locator('[data-test=signal]').first().textContent(), /HighErrorRate.*firing.*checkout/s)
    const series = page.locator('[data-test=series]', { hasText: 'request rate' })
    await series.locator('canvas').waitFor({ timeout: 20_000 }) // checkout's traffic, from the real Prometheus
    assert.match(await series.locator('[data-test=series-summary]').textContent(), /^checkout — /)
    await page.locator('[data-test=hypothesis] details summary').first().click()
    await page.locator('[data-test=hypothesis] canvas').first().waitFor({ timeout: 15_000 })
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

    // The dashboard counts the open incident; the System page shows every service ready.
    await page.click('[data-test=nav-dashboard]')
    assert.match(await page.locator('[data-test=open-total]').textContent({ timeout: 15_000 }), /1\s*open incidents/)
    await page.click('[data-test=nav-system]')
    assert.match(await page.locator('[data-test=overall]').textContent({ timeout: 15_000 }), /All good/)
    assert.equal(await page.locator('[data-test=service]').count(), 6)

    // Resolve, write the postmortem, mark it learned: the end of an incident's life.
    await page.goto(`${env.UI_URL}${incidentPath}`)
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
  } catch (failure) {
    await browser.contexts()[0]?.pages()[0]?.screenshot({ path: `${env.SCREENSHOTS}/walk-failed.png`, fullPage: true })
    throw failure
  } finally {
    await alertmanager?.stop()
    await prometheus.stop()
    await browser.close()
  }
})

/** The main pages, each with what shows it has loaded. */
const PAGES = [
  ['incidents', '/', '[data-test=incident-row]'],
  ['dashboard', '/dashboard', '[data-test=open-total]'],
  ['incident', () => incidentPath, '[data-test=hypothesis]'],
  ['changes', '/changes', 'main h1'],
  ['runbooks', '/runbooks', 'main h1'],
  ['policies', '/policies', 'main h1'],
  ['integrations', '/integrations', '[data-test=create-key]'],
  ['members', '/members', 'main h1'],
  ['settings', '/settings', '[data-test=api-keys]'],
  ['channels', '/channels', 'main h1'],
  ['ai-usage', '/ai-usage', '[data-test=budget]'],
  ['audit', '/audit', '[data-test=audit]'],
  ['system', '/system', '[data-test=overall]'],
]

async function signedIn(browser, options = {}) {
  const context = await browser.newContext(options)
  await collectPolicyViolations(context)
  const page = await context.newPage()
  await page.goto(`${env.UI_URL}/login`)
  await page.fill('input[name=email]', team.email)
  await page.fill('input[name=password]', team.password)
  await page.click('button[type=submit]')
  await page.locator('[data-test=incident-row]').first().waitFor({ timeout: 15_000 })
  return { context, page }
}

/** Every Content-Security-Policy violation a page of the context reports, kept in the page for the test to read. */
async function collectPolicyViolations(context) {
  await context.addInitScript(() => {
    window.__policyViolations = []
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__policyViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`))
  })
}

async function open(page, path, ready) {
  const response = await page.goto(`${env.UI_URL}${typeof path === 'function' ? path() : path}`)
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'(;|$)/, 'the page is served under the UI\'s policy')
  await page.locator(ready).first().waitFor({ timeout: 15_000 })
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Loading…'), null, { timeout: 15_000 })
  assert.deepEqual(await page.evaluate(() => window.__policyViolations), [], `${page.url()} broke the Content-Security-Policy`)
}

test('every main page meets WCAG AA in both themes, fits a phone, and is screenshotted', { timeout: 240_000 }, async () => {
  assert.ok(incidentPath, 'the first test opened an incident')
  const browser = await launch()
  try {
    const { page } = await signedIn(browser)
    const stored = await page.evaluate(() => JSON.stringify([{ ...sessionStorage }, { ...localStorage }]))
    assert.doesNotMatch(stored, /eyJ/, 'no access token (a JWT) in the browser\'s storage: it lives in memory')
    for (const [name, path, ready] of PAGES) {
      await open(page, path, ready)
      await assertAccessible(page, `${name} (light)`)
      await page.screenshot({ path: `${env.SCREENSHOTS}/page-${name}.png`, fullPage: true })
    }
    await page.click('[data-test=theme]')
    for (const [name, path, ready] of PAGES) {
      await open(page, path, ready)
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
      await assertAccessible(page, `${name} (dark)`)
    }
    await page.screenshot({ path: `${env.SCREENSHOTS}/page-system-dark.png`, fullPage: true })

    const phone = await signedIn(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    for (const [name, path, ready] of PAGES) {
      await open(phone.page, path, ready)
      assert.equal(await overflowsSideways(phone.page), false, `${name} scrolls sideways on a phone`)
      await phone.page.screenshot({ path: `${env.SCREENSHOTS}/phone-${name}.png`, fullPage: true })
    }
  } finally {
    await browser.close()
  }
})

test('two tabs of one browser reload at once and both stay signed in', { timeout: 60_000 }, async () => {
  const browser = await launch()
  try {
    const { context, page } = await signedIn(browser)
    const second = await context.newPage()
    await second.goto(`${env.UI_URL}/`)
    await second.locator('[data-test=incident-row]').first().waitFor({ timeout: 15_000 })
    // Each reload starts without an access token (it lives in memory) and refreshes with the one cookie.
    await Promise.all([page.reload(), second.reload()])
    for (const tab of [page, second]) {
      await tab.locator('[data-test=incident-row]').first().waitFor({ timeout: 15_000 })
      assert.doesNotMatch(tab.url(), /\/login/, 'a tab was signed out')
    }
    // The login was not revoked as a replay: a later reload refreshes again.
    await page.reload()
    await page.locator('[data-test=incident-row]').first().waitFor({ timeout: 15_000 })
  } finally {
    await browser.close()
  }
})

test('sign-in and sign-up meet WCAG AA in both themes and fit a phone', { timeout: 60_000 }, async () => {
  const browser = await launch()
  try {
    for (const theme of ['light', 'dark']) {
      const context = await browser.newContext({ colorScheme: theme, viewport: { width: 390, height: 844 } })
      const page = await context.newPage()
      for (const path of ['/login', '/register']) {
        await page.goto(`${env.UI_URL}${path}`)
        await page.locator('main h1').waitFor()
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme, 'the system preference is followed')
        await assertAccessible(page, `${path} (${theme})`)
        assert.equal(await overflowsSideways(page), false, `${path} scrolls sideways on a phone`)
        await page.screenshot({ path: `${env.SCREENSHOTS}/phone-${path.slice(1)}-${theme}.png`, fullPage: true })
      }
      await context.close()
    }
  } finally {
    await browser.close()
  }
})

test('the keyboard reaches everything: skip link first, every page link, focus always visible', { timeout: 60_000 }, async () => {
  const browser = await launch()
  try {
    const { page } = await signedIn(browser)
    await page.reload() // a fresh load: focus starts at the top of the document
    await page.locator('[data-test=incident-row]').first().waitFor()
    const focused = () => page.evaluate(() => {
      const element = document.activeElement
      const style = getComputedStyle(element)
      return { test: element.dataset?.test ?? null, id: element.id, outline: style.outlineStyle, width: style.outlineWidth }
    })
    await page.keyboard.press('Tab')
    assert.equal((await focused()).test, 'skip-link')
    assert.ok((await page.locator('[data-test=skip-link]').boundingBox()).y >= 0, 'the skip link shows when focused')
    await page.keyboard.press('Enter')
    assert.equal((await focused()).id, 'main', 'skipping lands on the page itself')

    await page.reload()
    await page.locator('[data-test=incident-row]').first().waitFor()
    let reached = null
    for (let presses = 0; presses < 40 && reached?.test !== 'nav-system'; presses++) {
      await page.keyboard.press('Tab')
      reached = await focused()
      assert.notEqual(reached.outline, 'none', `focus is visible on ${reached.test ?? reached.id}`)
    }
    assert.equal(reached.test, 'nav-system', 'every page link is reachable by Tab')
    await page.keyboard.press('Enter')
    await page.locator('[data-test=overall]').waitFor({ timeout: 15_000 })
    assert.equal((await focused()).id, 'main', 'after a page change, focus is on the new page')
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
  const owner = (await call('/api/v1/auth/login', { method: 'POST', body: { email: team.email, password: team.password } })).body
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

  const browser = await launch()
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
