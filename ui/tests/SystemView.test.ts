import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SystemHealth } from '../src/api/reports'

const api = vi.fn()
class ApiError extends Error {
  constructor(message: string, public status: number) { super(message) }
}
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), ApiError }))

const { default: SystemView } = await import('../src/views/SystemView.vue')

function health(overrides: Partial<SystemHealth> = {}): SystemHealth {
  return {
    status: 'DEGRADED', checkedAt: new Date().toISOString(),
    services: [
      { name: 'ai', status: 'UNREACHABLE', checks: [], responseMillis: null, error: 'Connection refused' },
      { name: 'audit', status: 'UP', checks: [{ name: 'Redis connection health check', status: 'UP' }], responseMillis: 4, error: null },
      { name: 'incidents', status: 'DOWN', checks: [{ name: 'Reactive PostgreSQL connections health check', status: 'DOWN' }], responseMillis: 12, error: null },
    ],
    pipeline: [{ group: 'ai', lag: 4200, pending: 10, readers: 0, secondsBehind: 95.4 }, { group: 'audit', lag: 0, pending: 0, readers: 1, secondsBehind: 0 },
      { group: 'incidents', lag: 40, pending: 8, readers: 1, secondsBehind: 12.2 }],
    pipelineError: null,
    ...overrides,
  }
}

describe('SystemView', () => {
  beforeEach(() => {
    api.mockReset()
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('shows each service as ready, not ready or unreachable, with its failing checks', async () => {
    api.mockResolvedValue(health())
    const view = mount(SystemView)
    await flushPromises()

    expect(api).toHaveBeenCalledWith('/api/v1/system/health')
    expect(view.find('[data-test=overall]').text()).toContain('Degraded — Some services are not ready')
    const rows = view.findAll('[data-test=service]').map((row) => row.text())
    expect(rows[0]).toMatch(/ai\s*unreachable\s*Connection refused/)
    expect(rows[1]).toMatch(/audit\s*ready.*Redis connection health check: ok.*4 ms/s)
    expect(rows[2]).toMatch(/incidents\s*not ready.*PostgreSQL connections health check: failing/s)
  })

  it('marks a consumer far behind the event stream', async () => {
    api.mockResolvedValue(health())
    const view = mount(SystemView)
    await flushPromises()

    const [ai, audit, incidents] = view.findAll('[data-test=group]')
    expect(ai.text()).toMatch(/ai\s*behind\s*4200\s*10\s*95 s\s*0/)
    expect(audit.classes()).not.toContain('behind')
    expect(audit.find('[data-test=late]').text()).toBe('up to date')
    // Few events waiting, but they have waited: late counts too.
    expect(incidents.classes()).toContain('behind')
    expect(incidents.find('[data-test=late]').text()).toBe('12 s')
  })

  it('says why the pipeline is unknown, and refreshes while open', async () => {
    api.mockResolvedValue(health({ status: 'UP', pipeline: [], pipelineError: 'the event stream cannot be read: Connection refused' }))
    const view = mount(SystemView)
    await flushPromises()
    expect(view.find('[data-test=pipeline-error]').text()).toContain('cannot be read')
    expect(view.find('[data-test=overall]').text()).toContain('All good')

    await vi.advanceTimersByTimeAsync(15_000)
    expect(api).toHaveBeenCalledTimes(2)
    view.unmount()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(api).toHaveBeenCalledTimes(2)
  })

  it('says in words that the health cannot be read when audit does not answer', async () => {
    api.mockRejectedValue(new ApiError('Bad gateway', 502))
    const view = mount(SystemView)
    await flushPromises()

    expect(view.find('[role=alert]').text()).toBe('The health of the system cannot be read: the audit service, which reports it, is not answering.')
  })
})
