// What the browser tests share: Chromium, the axe-core accessibility check, a real Alertmanager.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const env = process.env
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run']

export function launch() {
  return chromium.launch({ executablePath: env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS })
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * WCAG 2 A and AA violations on the page as it is (axe-core), as readable lines; canvases are left
 * out (a chart's pixels are not text, its label and the figures beside it are checked instead).
 */
export async function accessibilityProblems(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated by the browser's debugger protocol: the page's Content-Security-Policy (no inline
    // scripts) rightly refuses a script element, and the test must not report its own tool.
    await page.evaluate(AXE)
  }
  const result = await page.evaluate(() => window.axe.run({ exclude: [['canvas']] },
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
  return result.violations.flatMap((violation) => violation.nodes.map((node) =>
    `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary.replace(/\s+/g, ' ')}`))
}

export async function assertAccessible(page, name) {
  const problems = await accessibilityProblems(page)
  assert.deepEqual(problems, [], `${name} has WCAG AA problems`)
}

/** Whether the page scrolls sideways (a phone layout must not). */
export function overflowsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** A Debian daemon on a free loopback port, in a directory of its own, ready when {@code readyPath} answers. */
async function startDaemon(name, binary, args, config) {
  const dir = mkdtempSync(join(tmpdir(), `sre-${name}-`))
  writeFileSync(join(dir, `${name}.yml`), config)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(binary, args({ dir, config: join(dir, `${name}.yml`), listen: `127.0.0.1:${port}` }),
    { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  child.stderr.on('data', (chunk) => { log += chunk })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  /** Stops the daemon and removes its directory once it has exited (it writes there until then). */
  const stop = async () => {
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
  for (let attempt = 0; attempt < 150; attempt++) {
    if (await fetch(`${url}/-/ready`).then((response) => response.ok, () => false)) {
      return { url, log: () => log, stop }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`${name} did not start:\n${log}`)
}

/**
 * Debian's Alertmanager with the receiver the UI generated, pasted as it is; only the route's
 * waits are shortened so the test does not sit through Alertmanager's 30 s default grouping.
 */
export async function startAlertmanager(receiverSnippet) {
  const config = receiverSnippet.replace('route:\n  receiver: sre-copilot',
    'route:\n  receiver: sre-copilot\n  group_by: [alertname, service]\n  group_wait: 1s\n  group_interval: 2s\n  repeat_interval: 1h')
  assert.notEqual(config, receiverSnippet, 'the snippet starts with the route to the SRE Copilot receiver')
  const daemon = await startDaemon('alertmanager', env.ALERTMANAGER ?? '/usr/bin/prometheus-alertmanager',
    ({ dir, config: file, listen }) => [`--config.file=${file}`, `--storage.path=${dir}`, `--web.listen-address=${listen}`,
      '--cluster.listen-address=', '--log.level=warn'], config)
  return {
    ...daemon,
    /** Fires alerts as Prometheus does: POST /api/v2/alerts. */
    async fire(alerts) {
      const response = await fetch(`${daemon.url}/api/v2/alerts`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(alerts),
      })
      assert.equal(response.status, 200, `Alertmanager refused the alerts: ${await response.text()}`)
    },
  }
}

/**
 * Debian's Prometheus scraping a service of the stack under test every second, as if it were the
 * team's {@code service}: its own HTTP metrics become that service's golden signals.
 */
export async function startPrometheus(scrapedUrl, service) {
  const target = new URL(scrapedUrl)
  const config = `global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: ${service}
    metrics_path: /q/metrics
    static_configs:
      - targets: ['${target.host}']
        labels: { service: ${service} }
`
  const daemon = await startDaemon('prometheus', env.PROMETHEUS ?? '/usr/bin/prometheus',
    ({ dir, config: file, listen }) => [`--config.file=${file}`, `--storage.tsdb.path=${dir}`, `--web.listen-address=${listen}`,
      '--log.level=warn'], config)
  return {
    ...daemon,
    /** Waits until the query has an answer (a rate needs two scrapes), so the test's fixture is ready. */
    async waitForData(query) {
      for (let attempt = 0; attempt < 60; attempt++) {
        const answer = await fetch(`${daemon.url}/api/v1/query?query=${encodeURIComponent(query)}`).then((response) => response.json())
        if (answer.data?.result?.length) return
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      throw new Error(`Prometheus has no data for ${query}:\n${daemon.log()}`)
    },
  }
}
