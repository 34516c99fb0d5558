/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// Where each service listens; the local run and the e2e suite override these.
const service = (name: string, port: number) => process.env[`SRE_${name}_URL`] ?? `http://127.0.0.1:${port}`
const auth = service('AUTH', 8081)
const incidents = service('INCIDENTS', 8082)
const ai = service('AI', 8083)
const ingest = service('INGEST', 8084)
const realtime = service('REALTIME', 8085)
const audit = service('AUDIT', 8086)

// Routing by prefix, as the Ingress does in production (docs/architecture.md); the browser's address
// is appended to X-Forwarded-For (services trust this machine as a proxy in the local run).
const to = (target: string) => ({ target, xfwd: true })
const proxy = {
  '/api/v1/auth': to(auth),
  '/api/v1/projects': to(auth),
  '/api/v1/incidents': to(incidents),
  '/api/v1/notification-channels': to(incidents),
  '/api/v1/ai': to(ai),
  '/api/v1/ingest': to(ingest),
  '/api/v1/integrations': to(ingest),
  '/api/v1/signals': to(ingest),
  '/api/v1/audit': to(audit),
  '/api/v1/system': to(audit),
  '/ws': { ...to(realtime), ws: true },
}

// The built UI is previewed under the production image's headers (its Content-Security-Policy and
// the rest), read from the nginx include so there is one policy; the dev server's hot reload needs
// inline scripts, so it goes without. (The UI image's build has no deploy/ directory, nor needs it.)
const headersFile = fileURLToPath(new URL('../deploy/docker/security-headers.inc', import.meta.url))
const securityHeaders: Record<string, string> = existsSync(headersFile)
  ? Object.fromEntries([...readFileSync(headersFile, 'utf8').matchAll(/^add_header\s+(\S+)\s+"([^"]*)"/gm)]
      .map((match) => [match[1], match[2]]))
  : {}

export default defineConfig({
  plugins: [vue()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy, headers: securityHeaders },
  test: { environment: 'happy-dom', include: ['tests/**/*.test.ts'] },
})
