import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Integration } from '../src/api/management'

const api = vi.fn()
const post = vi.fn()
let role = 'admin'
class FakeApiError extends Error {
  constructor(message: string, private readonly fields: Record<string, string> = {}) { super(message) }
  fieldError(field: string) { return this.fields[field] }
}
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), post: (path: string, body?: unknown) => post(path, body), ApiError: FakeApiError }))
vi.mock('../src/api/session', () => ({
  can: (wanted: string) => ['viewer', 'engineer', 'admin', 'owner'].indexOf(role) >= ['viewer', 'engineer', 'admin', 'owner'].indexOf(wanted),
  session: { current: { projectId: 'p-1' } },
}))

const { default: AlertmanagerSetup } = await import('../src/components/AlertmanagerSetup.vue')
const { default: PrometheusConnections } = await import('../src/components/PrometheusConnections.vue')

function integration(overrides: Partial<Integration> = {}): Integration {
  return {
    id: 'int-1', type: 'prometheus', name: 'prod', url: 'https://prometheus.example.com', alertmanagerUrl: null,
    auth: { type: 'none', username: null, secretSet: false }, headerNames: [], tlsVerify: true,
    health: { status: 'failing', lastSuccessAt: null, lastErrorAt: new Date().toISOString(), lastError: 'connection refused' },
    createdAt: '', updatedAt: '', ...overrides,
  }
}

describe('AlertmanagerSetup', () => {
  beforeEach(() => post.mockReset())

  it('creates an ingest key and shows a receiver to paste into alertmanager.yml', async () => {
    post.mockResolvedValueOnce({ id: 'k', name: 'alertmanager', prefix: 'sre_ab', key: 'sre_ab_secret' })
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(() => Promise.resolve()) }, configurable: true })
    const view = mount(AlertmanagerSetup)

    await view.find('[data-test=create-key]').trigger('click')
    await flushPromises()

    expect(post.mock.calls[0][0]).toBe('/api/v1/projects/p-1/api-keys')
    expect(post.mock.calls[0][1]).toMatchObject({ scopes: ['ingest:write'] })
    const snippet = view.find('[data-test=snippet]').text()
    expect(snippet).toContain(`url: ${window.location.origin}/api/v1/ingest/alertmanager`)
    expect(snippet).toContain('credentials: sre_ab_secret')
    expect(view.find('[data-test=key-once]').exists()).toBe(true)
    await view.find('[data-test=copy]').trigger('click')
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(snippet)
  })
})

describe('PrometheusConnections', () => {
  beforeEach(() => {
    api.mockReset()
    post.mockReset()
    role = 'admin'
  })

  function answer(integrations: Integration[]) {
    // Every list answers {items, nextCursor}, as the API's lists do.
    const page = (items: unknown[]) => ({ items, nextCursor: null })
    api.mockImplementation((path: string) => Promise.resolve(page(
      path === '/api/v1/integrations' ? integrations
        : path.endsWith('query-template-library') ? [{ id: 'golden-latency-p99', signal: 'latency', description: 'p99 latency' }]
          : [{ id: 't', name: 'latency p99', query: 'q', serviceLabel: 'service', intervalSeconds: 30, libraryId: null, enabled: true, lastRunAt: null, lastError: null }])))
  }

  it('shows each connection with its health, last error and templates, and tests it', async () => {
    answer([integration()])
    post.mockResolvedValueOnce({ ok: true, latencyMs: 12, version: '2.53.0', error: null, testedAt: '' })
    const view = mount(PrometheusConnections)
    await flushPromises()

    expect(view.find('[data-test=health]').text()).toBe('failing')
    expect(view.find('[data-test=connection]').text()).toContain('connection refused')
    expect(view.find('[data-test=template]').text()).toContain('latency p99')
    await view.find('[data-test=test]').trigger('click')
    await flushPromises()
    expect(post).toHaveBeenCalledWith('/api/v1/integrations/int-1/test', undefined)
    expect(view.find('[data-test=test-result]').text()).toBe('Reached in 12 ms (Prometheus 2.53.0)')
  })

  it('adds a connection from the form and says what is wrong with it', async () => {
    answer([])
    post.mockRejectedValueOnce(new FakeApiError('The request is not valid', { url: 'must not point at a link-local address' }))
    const view = mount(PrometheusConnections)
    await flushPromises()

    const inputs = view.find('[data-test=add-connection]').findAll('input')
    await inputs[0].setValue('metadata')
    await inputs[1].setValue('http://169.254.169.254')
    await view.find('[data-test=add-connection]').trigger('submit')
    await flushPromises()

    expect(post).toHaveBeenCalledWith('/api/v1/integrations', { type: 'prometheus', name: 'metadata', url: 'http://169.254.169.254', auth: { type: 'none' } })
    expect(view.find('[data-test=url-error]').text()).toBe('must not point at a link-local address')
  })

  it('gives viewers the list without any way to change it', async () => {
    role = 'viewer'
    answer([integration()])
    const view = mount(PrometheusConnections)
    await flushPromises()

    expect(view.find('[data-test=connection]').exists()).toBe(true)
    expect(view.find('[data-test=test]').exists()).toBe(false)
    expect(view.find('[data-test=add-connection]').exists()).toBe(false)
    expect(view.find('[data-test=add-template]').exists()).toBe(false)
  })
})
