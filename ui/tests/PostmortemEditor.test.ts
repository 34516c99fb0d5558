import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Postmortem } from '../src/api/types'

const api = vi.fn()
class FakeApiError extends Error {
  constructor(readonly status: number, message = 'refused') { super(message) }
}
vi.mock('../src/api/client', () => ({ api: (path: string, init?: RequestInit) => api(path, init), ApiError: FakeApiError }))
vi.mock('../src/api/session', () => ({ can: () => true }))

const { default: PostmortemEditor } = await import('../src/components/PostmortemEditor.vue')

function postmortem(overrides: Partial<Postmortem> = {}): Postmortem {
  return { incidentId: 'i1', summary: 'Checkout failed for 20 minutes', impact: null, rootCause: null, confirmedHypothesis: null,
    contributingFactors: [], actionItems: [], missingForLearned: ['impact', 'root cause'], version: 3, ...overrides }
}

describe('PostmortemEditor', () => {
  beforeEach(() => api.mockReset())

  it('writes a first postmortem and says what LEARNED still needs', async () => {
    api.mockRejectedValueOnce(new FakeApiError(404)).mockResolvedValueOnce(postmortem({ version: 0 }))
    const view = mount(PostmortemEditor, { props: { incidentId: 'i1' } })
    await flushPromises()
    expect(view.find('[data-test=pm-save]').text()).toBe('Write the postmortem')

    await view.find('[data-test=pm-summary]').setValue('Checkout failed for 20 minutes')
    await view.find('form').trigger('submit')
    await flushPromises()

    const [path, init] = api.mock.calls[1]
    expect(path).toBe('/api/v1/incidents/i1/postmortem')
    expect(init.method).toBe('PUT')
    expect(init.headers).toEqual({})
    expect(JSON.parse(init.body)).toMatchObject({ summary: 'Checkout failed for 20 minutes', impact: null, actionItems: [] })
    expect(view.find('[data-test=pm-missing]').text()).toBe('To mark the incident learned, add: impact, root cause.')
    expect(view.emitted('saved')).toHaveLength(1)
  })

  it("revises with the version it read and warns when a colleague's change came first", async () => {
    api.mockResolvedValueOnce(postmortem()).mockRejectedValueOnce(new FakeApiError(412))
    const view = mount(PostmortemEditor, { props: { incidentId: 'i1' } })
    await flushPromises()

    await view.find('[data-test=pm-impact]').setValue('3 % of orders failed')
    await view.find('form').trigger('submit')
    await flushPromises()

    expect(api.mock.calls[1][1].headers).toEqual({ 'If-Match': '"3"' })
    expect(view.find('[role=alert]').text()).toContain('A colleague changed the postmortem meanwhile')
  })

  it('says when it is complete', async () => {
    api.mockResolvedValueOnce(postmortem({ impact: 'x', rootCause: 'y', missingForLearned: [] }))
    const view = mount(PostmortemEditor, { props: { incidentId: 'i1' } })
    await flushPromises()
    expect(view.find('[data-test=pm-complete]').exists()).toBe(true)
  })
})
