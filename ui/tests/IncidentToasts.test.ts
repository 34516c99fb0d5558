import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { LiveMessage } from '../src/api/types'

const listeners: ((message: LiveMessage) => void)[] = []
vi.mock('../src/live/live', () => ({
  live: { subscribe: (listener: (message: LiveMessage) => void) => { listeners.push(listener); return () => undefined } },
}))

const { default: IncidentToasts } = await import('../src/components/IncidentToasts.vue')

describe('IncidentToasts', () => {
  it('announces a new incident for a few seconds, and nothing else', async () => {
    vi.useFakeTimers()
    const view = mount(IncidentToasts, { global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
    const send = (type: string) => listeners.at(-1)!({ id: type, type, resource: null, occurredAt: '',
      data: { incident: { id: 'i1', reference: 'INC-4', title: 'Search is slow', severity: 'high' } } } as LiveMessage)

    send('incident.updated')
    await flushPromises()
    expect(view.findAll('[data-test=toast]')).toHaveLength(0)

    send('incident.created')
    await flushPromises()
    expect(view.find('[data-test=toast]').text()).toContain('New: INC-4 Search is slow')

    await vi.advanceTimersByTimeAsync(8100)
    expect(view.findAll('[data-test=toast]')).toHaveLength(0)
    vi.useRealTimers()
  })
})
