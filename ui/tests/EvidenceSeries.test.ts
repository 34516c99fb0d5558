import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AttachedSignal, ContextSeries, Incident } from '../src/api/types'

const api = vi.fn()
class ApiError extends Error {
  constructor(message: string, public status: number) { super(message) }
}
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), ApiError }))

const { default: EvidenceSeries } = await import('../src/components/EvidenceSeries.vue')
const { default: IncidentSignals } = await import('../src/components/IncidentSignals.vue')

const incident = { id: 'i1', service: 'checkout', startedAt: '2026-11-30T10:00:00Z', resolvedAt: null } as unknown as Incident
const departed: ContextSeries = {
  templateId: 't1', template: 'HTTP error ratio', query: 'q', service: 'checkout', labels: { service: 'checkout' }, unit: 'ratio',
  stepSeconds: 60, points: [[1000, 0.01], [1060, 0.4]], baseline: { median: 0.01, mad: 0.005, points: 60 }, maxAbsScore: 52.6,
  anomalous: true, onsetAt: new Date(1060_000).toISOString(),
}

function mountSeries(services: string[]) {
  return mount(EvidenceSeries, {
    props: { incident, services },
    global: { stubs: { ChartCanvas: { props: ['config', 'label'], template: '<div data-test="chart">{{ label }}</div>' } } },
  })
}

describe('EvidenceSeries', () => {
  beforeEach(() => api.mockReset())

  it('asks ingest for the services\' metrics around the incident and charts those that departed', async () => {
    api.mockResolvedValueOnce({ from: "2026-11-30T09:00:00Z", to: "2026-11-30T10:30:00Z", series: [departed], errors: [{ templateId: 't2', template: 'Latency p99', error: 'timed out' }] })
    const view = mountSeries(['checkout', 'payments'])
    await flushPromises()

    expect(api.mock.calls[0][0]).toMatch(/^\/api\/v1\/signals\/context\?from=2026-11-30T09%3A00%3A00.000Z&to=.*&services=checkout%2Cpayments$/)
    expect(view.findAll('[data-test=series]')).toHaveLength(1)
    expect(view.find('[data-test=series-summary]').text()).toContain('52.6σ from normal')
    expect(view.find('[data-test=series-summary]').classes()).toContain('departed')
    expect(view.find('[data-test=chart]').text()).toContain('HTTP error ratio')
    expect(view.find('[data-test=series-error]').text()).toContain('“Latency p99” could not be asked of its Prometheus: timed out')
  })

  it('says what to do when no template watches the services', async () => {
    api.mockResolvedValueOnce({ series: [], errors: [] })
    const view = mountSeries(['checkout'])
    await flushPromises()

    expect(view.find('[data-test=no-series]').text()).toContain('Add one from the library under Integrations')
  })

  it('says the metrics could not be read, not that nothing watches them, when every template failed', async () => {
    api.mockResolvedValueOnce({ series: [], errors: [{ templateId: 't1', template: 'request rate', error: 'Connection refused' }] })
    const view = mountSeries(['checkout'])
    await flushPromises()

    expect(view.find('[data-test=no-series]').text()).toBe('No metrics of checkout could be read:')
    expect(view.find('[data-test=series-error]').text()).toContain('Connection refused')
  })

  it('does not ask at all when no service is known', async () => {
    const view = mountSeries([])
    await flushPromises()

    expect(api).not.toHaveBeenCalled()
    expect(view.find('[data-test=no-series]').exists()).toBe(true)
  })

  it('says so in words when the metrics cannot be loaded', async () => {
    api.mockRejectedValueOnce(new ApiError('Prometheus is not reachable', 502))
    const view = mountSeries(['checkout'])
    await flushPromises()

    expect(view.find('[role=alert]').text()).toBe('The metrics could not be loaded: Prometheus is not reachable')
  })

  it('asks again every minute while the incident is going on, and stops once the page is left', async () => {
    vi.useFakeTimers()
    try {
      api.mockResolvedValue({ series: [], errors: [] })
      const view = mountSeries(['checkout'])
      await flushPromises()
      await vi.advanceTimersByTimeAsync(60_000)
      expect(api).toHaveBeenCalledTimes(2)
      view.unmount()
      await vi.advanceTimersByTimeAsync(120_000)
      expect(api).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('asks again when the analysis names another suspect', async () => {
    api.mockResolvedValue({ series: [], errors: [] })
    const view = mountSeries(['checkout'])
    await flushPromises()
    await view.setProps({ services: ['checkout', 'payments'] })
    await flushPromises()

    expect(api).toHaveBeenCalledTimes(2)
  })
})

describe('IncidentSignals', () => {
  it('lists the attached alerts with their state and summary, or says the incident was declared by hand', () => {
    const signal: AttachedSignal = {
      id: 's1', fingerprint: 'f1', alertname: 'HighErrorRate', service: 'checkout', severity: 'critical', status: 'firing',
      startsAt: new Date().toISOString(), labels: {}, annotations: { summary: '5xx above 5% for 5 minutes' },
    }
    const view = mount(IncidentSignals, { props: { signals: [signal] } })
    expect(view.find('[data-test=signal]').text()).toMatch(/HighErrorRate.*firing.*checkout.*5xx above 5% for 5 minutes/s)
    expect(mount(IncidentSignals, { props: { signals: [] } }).find('[data-test=no-signals]').exists()).toBe(true)
  })
})
