import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Policy } from '../src/api/management'

const api = vi.fn()
const post = vi.fn()
let role = 'admin'
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), post: (path: string, body?: unknown) => post(path, body), ApiError: class extends Error {} }))
vi.mock('../src/api/session', () => ({
  can: (wanted: string) => ['viewer', 'engineer', 'admin', 'owner'].indexOf(role) >= ['viewer', 'engineer', 'admin', 'owner'].indexOf(wanted),
}))

const { default: PoliciesView } = await import('../src/views/PoliciesView.vue')

const policy: Policy = {
  id: 'p1', name: 'auto-ack', description: null, condition: 'confidence >= 0.85 AND precedent_exists',
  actions: [{ type: 'auto_acknowledge' }], mode: 'shadow', enabled: true, priority: 100,
  shadow: { decisions: 12, judged: 10, agreed: 9, precision: 0.9 },
}

describe('PoliciesView', () => {
  beforeEach(() => {
    api.mockReset()
    post.mockReset()
    role = 'admin'
    vi.useRealTimers()
  })

  it('lists policies with what they would have done in shadow and how often people agreed', async () => {
    api.mockResolvedValueOnce({ items: [policy], nextCursor: null })
    const view = mount(PoliciesView)
    await flushPromises()

    const row = view.find('[data-test=policy-row]')
    expect(row.text()).toContain('auto acknowledge')
    expect(view.find('[data-test=shadow]').text()).toBe('12 decisions, 10 judged, 9 agreed: 90% precision')
  })

  it('checks the condition while it is typed and saves a shadow policy', async () => {
    vi.useFakeTimers()
    api.mockResolvedValue({ items: [], nextCursor: null })
    post.mockImplementation((path: string) => Promise.resolve(path.endsWith('/validate')
      ? { valid: false, error: "unknown field 'confidance'", position: 0 } : policy))
    const view = mount(PoliciesView)
    await flushPromises()

    await view.find('[data-test=condition]').setValue('confidance >= 0.9')
    await vi.advanceTimersByTimeAsync(350)
    await flushPromises()
    expect(post).toHaveBeenCalledWith('/api/v1/ai/policies/validate', { condition: 'confidance >= 0.9' })
    expect(view.find('[data-test=condition-error]').text()).toBe("unknown field 'confidance' (at character 1)")

    await view.find('[data-test=new-policy] input').setValue('escalate')
    await view.find('[data-test=new-policy] select').setValue('set_severity')
    await view.find('[data-test=new-policy]').trigger('submit')
    await flushPromises()
    const saved = post.mock.calls.find(([path]) => path === '/api/v1/ai/policies')![1]
    expect(saved).toMatchObject({ name: 'escalate', mode: 'shadow', actions: [{ type: 'set_severity', severity: 'high' }] })
  })

  it('shows no editor to engineers', async () => {
    role = 'engineer'
    api.mockResolvedValueOnce({ items: [policy], nextCursor: null })
    const view = mount(PoliciesView)
    await flushPromises()
    expect(view.find('[data-test=new-policy]').exists()).toBe(false)
  })
})
