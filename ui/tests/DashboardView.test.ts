import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LiveMessage } from '../src/api/types'
import type { IncidentStats } from '../src/api/reports'

const listeners: ((message: LiveMessage) => void)[] = []
vi.mock('../src/live/live', () => ({
  live: { subscribe: (listener: (message: LiveMessage) => void) => { listeners.push(listener); return () => undefined } },
}))
const api = vi.fn()
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), ApiError: class extends Error {} }))

const { default: DashboardView } = await import('../src/views/DashboardView.vue')

function stats(overrides: Partial<IncidentStats> = {}): IncidentStats {
  const figure = { count: 3, medianSeconds: 240, p90Seconds: 600 }
  return {
    from: '', to: '', bucket: 'day',
    open: { total: 4, byState: { DETECTED: 3, INVESTIGATING: 1 }, bySeverity: { critical: 1, high: 3 } },
    detected: { total: 9, byState: {}, bySeverity: {} },
    mtta: { overall: figure, overTime: [{ ...figure, start: '2026-11-29T00:00:00Z' }] },
    mttr: { overall: { ...figure, medianSeconds: 5400 }, overTime: [{ ...figure, start: '2026-11-29T00:00:00Z' }] },
    ...overrides,
  }
}

function mountView() {
  return mount(DashboardView, { global: { stubs: { ChartCanvas: { props: ['config', 'label'], template: '<div data-test="chart">{{ label }}</div>' } } } })
}

describe('DashboardView', () => {
  beforeEach(() => {
    api.mockReset()
    vi.useRealTimers()
  })

  it('shows what is open by severity and state, and how fast the team answers', async () => {
    api.mockResolvedValueOnce(stats())
    const view = mountView()
    await flushPromises()

    expect(view.find('[data-test=open-total]').text()).toContain('4')
    expect(view.find('[data-test=by-severity]').text()).toMatch(/critical\s*1.*high\s*3.*medium\s*0/s)
    expect(view.find('[data-test=by-state]').text()).toContain('Detected 3')
    expect(view.find('[data-test=mtta]').text()).toBe('4 min')
    expect(view.find('[data-test=mttr]').text()).toBe('1.5 h')
    expect(view.find('[data-test=chart]').text()).toContain('Median minutes to acknowledge and to resolve')
    expect(api.mock.calls[0][0]).toMatch(/^\/api\/v1\/incidents\/stats\?from=.*&to=.*&bucket=day$/)
  })

  it('says so when nothing was resolved rather than drawing an empty chart', async () => {
    api.mockResolvedValueOnce(stats({ mttr: { overall: { count: 0, medianSeconds: null, p90Seconds: null }, overTime: [] } }))
    const view = mountView()
    await flushPromises()

    expect(view.find('[data-test=no-trend]').exists()).toBe(true)
    expect(view.find('[data-test=chart]').exists()).toBe(false)
    expect(view.find('[data-test=mttr]').text()).toBe('—')
  })

  it('feeds live changes in and refreshes the figures after an incident changes', async () => {
    vi.useFakeTimers()
    api.mockResolvedValue(stats())
    const view = mountView()
    await flushPromises()
    expect(view.find('[data-test=feed-empty]').exists()).toBe(true)

    listeners.at(-1)!({ id: 'e1', type: 'incident.created', resource: { type: 'incident', id: 'i-9' },
      data: { incident: { reference: 'INC-9', title: 'Queue backlog' } }, occurredAt: new Date().toISOString() })
    await flushPromises()
    expect(view.find('[data-test=feed]').text()).toContain('incident.created · INC-9 Queue backlog')

    await vi.advanceTimersByTimeAsync(1100)
    expect(api).toHaveBeenCalledTimes(2)
  })

  it('says the API problem in words', async () => {
    api.mockRejectedValueOnce(new Error('boom'))
    const view = mountView()
    await flushPromises()
    expect(view.find('[role=alert]').text()).toBe('The figures cannot be loaded right now.')
  })
})
