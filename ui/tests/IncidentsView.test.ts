import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Incident, LiveMessage } from '../src/api/types'

const listeners: ((message: LiveMessage) => void)[] = []
vi.mock('../src/live/live', () => ({
  live: { subscribe: (listener: (message: LiveMessage) => void) => { listeners.push(listener); return () => undefined } },
}))
const api = vi.fn()
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), ApiError: class extends Error {} }))
vi.mock('vue-router', () => ({ useRouter: () => ({ push: vi.fn() }) }))

const { default: IncidentsView } = await import('../src/views/IncidentsView.vue')

function incident(number: number, title: string): Incident {
  return {
    id: `id-${number}`, number, reference: `INC-${number}`, title, description: null, service: 'checkout', severity: 'critical', state: 'DETECTED',
    allowedTransitions: ['ACKNOWLEDGED'], source: 'alertmanager', labels: {}, assigneeId: null, alertGroupIds: [], startedAt: new Date().toISOString(),
    detectedAt: new Date().toISOString(), acknowledgedAt: null, mitigatedAt: null, resolvedAt: null,
    updatedAt: new Date().toISOString(), version: 0,
  }
}

function mountView() {
  return mount(IncidentsView, { global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
}

describe('IncidentsView', () => {
  beforeEach(() => api.mockReset())

  it('lists the project incidents', async () => {
    api.mockResolvedValueOnce({ items: [incident(2, 'Checkout errors'), incident(1, 'Disk full')], nextCursor: null })
    const view = mountView()
    await flushPromises()

    const rows = view.findAll('[data-test=incident-row]')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('Checkout errors')
    expect(api).toHaveBeenCalledWith('/api/v1/incidents?limit=50')
  })

  it('shows a new incident live, on top, without reloading', async () => {
    api.mockResolvedValueOnce({ items: [incident(1, 'Disk full')], nextCursor: null })
    const view = mountView()
    await flushPromises()

    const created = incident(2, 'Payments latency')
    listeners.at(-1)!({ id: 'e', type: 'incident.created', resource: { type: 'incident', id: created.id }, data: { incident: created }, occurredAt: '' })
    await flushPromises()

    const rows = view.findAll('[data-test=incident-row]')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('Payments latency')
    expect(rows[0].classes()).toContain('fresh')
    expect(api).toHaveBeenCalledTimes(1)
  })

  it('updates an incident in place when it changes', async () => {
    const known = incident(1, 'Disk full')
    api.mockResolvedValueOnce({ items: [known], nextCursor: null })
    const view = mountView()
    await flushPromises()

    listeners.at(-1)!({ id: 'e', type: 'incident.transitioned', resource: { type: 'incident', id: known.id },
      data: { incident: { ...known, state: 'ACKNOWLEDGED' } }, occurredAt: '' })
    await flushPromises()
    expect(view.find('[data-test=state]').text()).toBe('Acknowledged')
  })

  it('says when there is nothing to show', async () => {
    api.mockResolvedValueOnce({ items: [], nextCursor: null })
    const view = mountView()
    await flushPromises()
    expect(view.find('[data-test=empty]').exists()).toBe(true)
  })
})
