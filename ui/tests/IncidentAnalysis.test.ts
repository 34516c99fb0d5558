import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Analysis, Incident, LiveMessage } from '../src/api/types'

const listeners: ((message: LiveMessage) => void)[] = []
vi.mock('../src/live/live', () => ({
  live: { subscribe: (listener: (message: LiveMessage) => void) => { listeners.push(listener); return () => undefined } },
}))
const api = vi.fn()
const post = vi.fn()
vi.mock('../src/api/client', () => ({
  api: (path: string) => api(path), post: (path: string, body?: unknown) => post(path, body),
  ApiError: class extends Error { status = 0 },
}))
vi.mock('../src/api/session', () => ({ can: () => true }))
vi.mock('../src/components/EvidenceSeries.vue', () => ({ default: { template: '<div />' } }))

const { default: IncidentDetailView } = await import('../src/views/IncidentDetailView.vue')

const now = new Date().toISOString()
const incident: Incident = {
  id: 'i1', number: 1, reference: 'INC-1', title: 'Customers report slow checkout', description: null, service: null,
  severity: 'high', state: 'DETECTED', allowedTransitions: ['ACKNOWLEDGED'], source: 'manual', labels: {}, assigneeId: null,
  alertGroupIds: [], startedAt: now, detectedAt: now, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null,
  updatedAt: now, version: 0,
}

function analysis(overrides: Partial<Analysis>): Analysis {
  return {
    id: 'a1', incidentId: 'i1', status: 'completed', reasoner: 'deterministic', inconclusive: false, missingData: [],
    rankedServices: [], steps: [], hypotheses: [], startedAt: now, completedAt: now, origin: 'incident.created',
    attempts: 1, failure: null, rerunAt: null, ...overrides,
  }
}

function serve(found: Analysis) {
  api.mockImplementation(async (path: string) => {
    if (path.endsWith('/analysis')) return found
    if (path.endsWith('/timeline')) return { items: [] }
    if (path.endsWith('/signals')) return { items: [] }
    return incident
  })
}

function mountView() {
  return mount(IncidentDetailView, { props: { id: 'i1' }, global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
}

describe('the analysis on the incident page', () => {
  beforeEach(() => {
    api.mockReset()
    post.mockReset()
  })

  it('says it is analysing while the analysis runs, and offers no second run meanwhile', async () => {
    serve(analysis({ status: 'running', completedAt: null, attempts: 2 }))
    const view = mountView()
    await flushPromises()

    expect(view.find('[data-test=analysis-pending]').text()).toContain('attempt 2')
    expect(view.find('[data-test=rerun]').exists()).toBe(false)
  })

  it('shows a failed analysis with its step and reason, and retries it', async () => {
    serve(analysis({ status: 'failed', failure: { step: 'incident', reason: 'the announced incident has no incident id' } }))
    post.mockResolvedValueOnce(analysis({ status: 'completed', inconclusive: true, origin: 'rerun' }))
    const view = mountView()
    await flushPromises()

    const failed = view.find('[data-test=analysis-failed]')
    expect(failed.text()).toContain('failed in its incident step')
    expect(failed.text()).toContain('no incident id')
    expect(view.find('[data-test=rerun]').text()).toBe('Retry')
    await view.find('[data-test=rerun]').trigger('click')
    await flushPromises()

    expect(post).toHaveBeenCalledWith('/api/v1/ai/incidents/i1/analysis', undefined)
    expect(view.find('[data-test=analysis-failed]').exists()).toBe(false)
    expect(view.find('[data-test=inconclusive]').exists()).toBe(true)
  })

  it('lists the services the metrics rank, ties as ties, with why', async () => {
    serve(analysis({ rankedServices: [
      { rank: 1, service: 'payments', score: 41.2, reason: 'latency rose from 4.6 ms to 49 ms (66.4 robust σ)' },
      { rank: 2, service: 'checkout', score: 0, reason: '100 % of it explained by payments' },
      { rank: 2, service: 'search', score: 0, reason: 'no lasting departure' }] }))
    const view = mountView()
    await flushPromises()

    const rows = view.findAll('[data-test=ranked-services] li')
    expect(rows.map((row) => row.find('.rank').text())).toEqual(['1', '2', '2'])
    expect(rows[0].text()).toContain('latency rose from 4.6 ms to 49 ms')
    expect(rows[2].text()).toContain('tied')
    expect(rows[1].text()).not.toContain('tied')
  })

  it('shows a failure announced live', async () => {
    serve(analysis({ status: 'running', completedAt: null }))
    const view = mountView()
    await flushPromises()

    listeners.at(-1)!({ id: 'e1', type: 'analysis.failed', resource: { type: 'incident', id: 'i1' }, occurredAt: now,
      data: analysis({ status: 'failed', failure: { step: 'attempts', reason: 'none of 3 attempts finished' } }) })
    await flushPromises()

    expect(view.find('[data-test=analysis-failed]').text()).toContain('none of 3 attempts finished')
  })
})
