import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Change, Runbook } from '../src/api/management'

const api = vi.fn()
const post = vi.fn()
let role = 'admin'
class FakeApiError extends Error {
  problem: { errors: { field: string; message: string }[] }
  constructor(message: string, errors: { field: string; message: string }[] = []) {
    super(message)
    this.problem = { errors }
  }
  fieldError(field: string) { return this.problem.errors.find((error) => error.field === field)?.message }
}
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), post: (path: string, body?: unknown) => post(path, body), ApiError: FakeApiError }))
vi.mock('../src/api/session', () => ({
  can: (wanted: string) => ['viewer', 'engineer', 'admin', 'owner'].indexOf(role) >= ['viewer', 'engineer', 'admin', 'owner'].indexOf(wanted),
}))

const { default: ChangesView } = await import('../src/views/ChangesView.vue')
const { default: RunbooksView } = await import('../src/views/RunbooksView.vue')

const change: Change = {
  id: 'c1', type: 'deploy', service: 'checkout', environment: 'prod', version: 'v2.4.1', commit: null, author: 'ana',
  description: 'new payment client', url: 'https://ci.example.com/42', deployedAt: new Date().toISOString(), recordedAt: '',
}
const runbook: Runbook = {
  id: 'r1', title: 'Roll back checkout', description: 'When a deploy breaks checkout', steps: '1. kubectl rollout undo', tags: ['rollback'],
  services: ['checkout'], alertPatterns: ['HighErrorRate'], riskLevel: 'medium', createdAt: '', updatedAt: '', version: 0,
}

describe('ChangesView', () => {
  beforeEach(() => {
    api.mockReset()
    post.mockReset()
    role = 'engineer'
  })

  it('lists changes newest first and filters them by service and type', async () => {
    api.mockResolvedValue({ items: [change], nextCursor: null })
    const view = mount(ChangesView)
    await flushPromises()

    const row = view.find('[data-test=change-row]')
    expect(row.text()).toContain('checkout · prod')
    expect(row.text()).toContain('deploy: new payment client')
    expect(row.find('a').attributes('href')).toBe('https://ci.example.com/42')

    await view.find('[data-test=filters] input').setValue('checkout')
    await view.find('[data-test=filters] select').setValue('config')
    await view.find('[data-test=filters]').trigger('submit')
    await flushPromises()
    expect(api).toHaveBeenLastCalledWith('/api/v1/ingest/changes?limit=50&service=checkout&type=config')
  })

  it('opens already filtered to the service an analysis cited', async () => {
    api.mockResolvedValue({ items: [change], nextCursor: null })
    mount(ChangesView, { props: { service: 'checkout' } })
    await flushPromises()

    expect(api.mock.calls[0][0]).toBe('/api/v1/ingest/changes?limit=50&service=checkout')
  })

  it('lets engineers record a deploy and viewers only read', async () => {
    api.mockResolvedValue({ items: [], nextCursor: null })
    post.mockResolvedValueOnce(change)
    const view = mount(ChangesView)
    await flushPromises()
    expect(view.find('[data-test=empty]').text()).toContain('/api/v1/ingest/changes')

    await view.find('[data-test=record] input').setValue('checkout')
    await view.find('[data-test=record]').trigger('submit')
    await flushPromises()
    expect(post.mock.calls[0][0]).toBe('/api/v1/ingest/changes')
    expect(post.mock.calls[0][1]).toMatchObject({ type: 'deploy', service: 'checkout' })

    role = 'viewer'
    expect(mount(ChangesView).find('[data-test=record]').exists()).toBe(false)
  })
})

describe('RunbooksView', () => {
  beforeEach(() => {
    api.mockReset()
    post.mockReset()
    role = 'admin'
  })

  it('shows each runbook with its risk, scope and steps on demand', async () => {
    api.mockResolvedValueOnce({ items: [runbook], nextCursor: null })
    const view = mount(RunbooksView)
    await flushPromises()

    const card = view.find('[data-test=runbook]')
    expect(card.text()).toContain('Roll back checkout')
    expect(card.text()).toContain('medium risk')
    expect(card.text()).toContain('for checkout · alerts HighErrorRate')
    expect(view.find('[data-test=steps]').exists()).toBe(false)
    await card.find('button').trigger('click')
    expect(view.find('[data-test=steps]').text()).toBe('1. kubectl rollout undo')
  })

  it('saves a new runbook from comma-separated lists and shows what the API refused', async () => {
    api.mockResolvedValue({ items: [], nextCursor: null })
    post.mockRejectedValueOnce(new FakeApiError('The request is not valid', [{ field: 'tags[0]', message: 'must be lower-case letters' }]))
    const view = mount(RunbooksView)
    await flushPromises()

    const form = view.find('[data-test=new-runbook]')
    const inputs = form.findAll('input')
    await inputs[0].setValue('Clear the queue')
    await form.find('textarea').setValue('1. drain')
    await inputs[2].setValue('queue, worker')
    await inputs[4].setValue('Bad Tag')
    await form.trigger('submit')
    await flushPromises()

    expect(post.mock.calls[0][1]).toMatchObject({ title: 'Clear the queue', steps: '1. drain', services: ['queue', 'worker'], tags: ['Bad Tag'] })
    expect(view.find('[data-test=draft-error]').text()).toContain('tags[0] must be lower-case letters')
  })

  it('has no form for engineers', async () => {
    role = 'engineer'
    api.mockResolvedValueOnce({ items: [], nextCursor: null })
    const view = mount(RunbooksView)
    await flushPromises()
    expect(view.find('[data-test=new-runbook]').exists()).toBe(false)
  })
})
