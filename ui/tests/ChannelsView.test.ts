import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Channel } from '../src/api/management'

const api = vi.fn()
const post = vi.fn()
class FakeApiError extends Error {
  problem = { errors: [{ field: 'url', message: 'must not be a private address' }] }
}
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), post: (path: string, body?: unknown) => post(path, body), ApiError: FakeApiError }))

const { default: ChannelsView } = await import('../src/views/ChannelsView.vue')

const slack: Channel = {
  id: 'c1', name: 'ops', type: 'slack', url: 'https://hooks.slack.com/…', to: null,
  routing: { minSeverity: 'high', services: [], events: [] }, enabled: true, hasSigningSecret: null, signingSecret: null, version: 0,
}

describe('ChannelsView', () => {
  beforeEach(() => {
    api.mockReset()
    post.mockReset()
  })

  it('lists channels with their routing and shows what a test delivered', async () => {
    api.mockImplementation((path: string) => Promise.resolve(path.includes('/deliveries')
      ? { items: [{ id: 'd', eventType: 'notification.test', status: 'delivered', attempts: 1, responseStatus: 200, lastError: null, createdAt: new Date().toISOString() }], nextCursor: null }
      : { items: [slack] }))
    post.mockResolvedValueOnce({})
    const view = mount(ChannelsView)
    await flushPromises()

    expect(view.find('[data-test=channel]').text()).toContain('high and above')
    await view.find('[data-test=send-test]').trigger('click')
    await flushPromises()
    expect(post).toHaveBeenCalledWith('/api/v1/notification-channels/c1/test', undefined)
    expect(view.find('[data-test=deliveries]').text()).toContain('delivered')
  })

  it('shows a webhook signing secret once, and what the API refused', async () => {
    api.mockResolvedValue({ items: [] })
    post.mockResolvedValueOnce({ ...slack, type: 'webhook', signingSecret: 'whsec_123' }).mockRejectedValueOnce(new FakeApiError('The request is not valid'))
    const view = mount(ChannelsView)
    await flushPromises()

    const form = view.find('[data-test=new-channel]')
    await form.find('input').setValue('pager')
    await form.find('select').setValue('webhook')
    await form.find('input[type=url]').setValue('https://example.com/hook')
    await form.trigger('submit')
    await flushPromises()
    expect(post.mock.calls[0][1]).toMatchObject({ name: 'pager', type: 'webhook', url: 'https://example.com/hook', routing: { minSeverity: 'high' } })
    expect(view.find('[data-test=notice]').text()).toContain('whsec_123')

    await form.find('input').setValue('internal')
    await form.find('input[type=url]').setValue('http://10.0.0.1')
    await form.trigger('submit')
    await flushPromises()
    expect(view.find('[data-test=draft-error]').text()).toContain('url must not be a private address')
  })
})
