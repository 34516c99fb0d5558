import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const api = vi.fn()
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path) }))

const { default: PipelineBehind } = await import('../src/components/PipelineBehind.vue')

const group = (name: string, secondsBehind: number) => ({ group: name, lag: 10, pending: 2, readers: 1, secondsBehind })
const health = (...pipeline: ReturnType<typeof group>[]) => ({ status: 'UP', checkedAt: '', services: [], pipeline, pipelineError: null })
const mountIt = () => mount(PipelineBehind, { global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } } })

describe('PipelineBehind', () => {
  beforeEach(() => {
    api.mockReset()
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('says how far behind the consumer people wait on is, naming it', async () => {
    // audit is further behind, but nobody waits on it to see an incident.
    api.mockResolvedValue(health(group('audit', 300), group('incidents', 41.6), group('ai', 7)))
    const view = mountIt()
    await flushPromises()

    expect(api).toHaveBeenCalledWith('/api/v1/system/health')
    expect(view.find('[data-test=pipeline-behind]').text()).toMatch(/Catching up, 42 s behind\..*incidents service/s)
  })

  it('stays silent while the pipeline keeps up, and appears when it falls behind', async () => {
    api.mockResolvedValueOnce(health(group('incidents', 1.2), group('ai', 0)))
    api.mockResolvedValueOnce(health(group('incidents', 3), group('ai', 18)))
    const view = mountIt()
    await flushPromises()
    expect(view.find('[data-test=pipeline-behind]').exists()).toBe(false)

    await vi.advanceTimersByTimeAsync(10_000)
    await flushPromises()
    expect(view.find('[data-test=pipeline-behind]').text()).toMatch(/18 s behind.*analyses/s)
  })

  it('shows nothing when the health cannot be read', async () => {
    api.mockRejectedValue(new Error('503'))
    const view = mountIt()
    await flushPromises()
    expect(view.find('[data-test=pipeline-behind]').exists()).toBe(false)
  })
})
