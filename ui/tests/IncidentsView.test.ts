import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Incident, LiveMessage } from '../src/api/types'

const listeners: ((message: LiveMessage) => void)[] = []
vi.mock('../src/live/live', () => ({
  live: { subscribe: (listener: (message: LiveMessage) => void) => { listeners.push(listener); return () => undefined } },
}))
const api = vi.fn()
const post = vi.fn()
const push = vi.fn()
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), post: (path: string, body?: unknown) => post(path, body), ApiError: class extends Error {} }))
vi.mock('../src/api/session', () => ({ can: () => true }))
vi.mock('../src/api/pipeline', () => ({ pipelineLateness: async () => null }))
vi.mock('vue-router', () => ({ useRouter: () => ({ push }) }))

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

  it('filters by search, state and severity', async () => {
    api.mockResolvedValue({ items: [], nextCursor: null })
    const view = mountView()
    await flushPromises()

    const form = view.find('[data-test=filters]')
    await form.find('input').setValue('checkout')
    const selects = form.findAll('select')
    await selects[0].setValue('DETECTED')
    await selects[1].setValue('critical')
    await form.trigger('submit')
    await flushPromises()

    expect(api).toHaveBeenLastCalledWith('/api/v1/incidents?limit=50&q=checkout&state=DETECTED&severity=critical')
    expect(view.find('[data-test=empty]').text()).toContain('match these filters')
  })

  it('declares an incident by hand and opens it', async () => {
    api.mockResolvedValue({ items: [], nextCursor: null })
    post.mockResolvedValueOnce(incident(7, 'Customers report slow search'))
    const view = mountView()
    await flushPromises()

    await view.find('[data-test=declare]').trigger('click')
    const form = view.find('[data-test=declare-form]')
    await form.find('input').setValue('Customers report slow search')
    await form.trigger('submit')
    await flushPromises()

    expect(post).toHaveBeenCalledWith('/api/v1/incidents', { title: 'Customers report slow search', severity: 'high', service: undefined })
    expect(push).toHaveBeenCalledWith({ name: 'incident', params: { id: 'id-7' } })
  })
})
