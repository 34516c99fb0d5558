import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Member } from '../src/api/management'

const api = vi.fn()
const post = vi.fn()
let role = 'admin'
vi.mock('../src/api/client', () => ({
  api: (path: string, init?: RequestInit) => api(path, init),
  post: (path: string, body?: unknown) => post(path, body),
  ApiError: class extends Error {},
}))
vi.mock('../src/api/session', () => ({
  can: (wanted: string) => ['viewer', 'engineer', 'admin', 'owner'].indexOf(role) >= ['viewer', 'engineer', 'admin', 'owner'].indexOf(wanted),
  activeProject: () => ({ id: 'p-1', name: 'Payments', role }),
  session: { current: { projectId: 'p-1', user: { id: 'me' } } },
}))

const { default: MembersView } = await import('../src/views/MembersView.vue')

const me: Member = { userId: 'me', email: 'me@example.com', fullName: 'Me Myself', role: 'admin', joinedAt: new Date().toISOString() }
const bo: Member = { userId: 'bo', email: 'bo@example.com', fullName: 'Bo Builder', role: 'engineer', joinedAt: new Date().toISOString() }

describe('MembersView', () => {
  beforeEach(() => {
    api.mockReset()
    post.mockReset()
    role = 'admin'
  })

  it("lets admins change others' roles, never their own, and offers owner only to owners", async () => {
    api.mockResolvedValue({ items: [me, bo], invitations: [] })
    const view = mount(MembersView)
    await flushPromises()

    const rows = view.findAll('[data-test=member-row]')
    expect(rows[0].find('select').exists()).toBe(false)
    const select = rows[1].find('select')
    expect(select.findAll('option').map((option) => option.text())).toEqual(['viewer', 'engineer', 'admin'])
    await select.setValue('admin')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('/api/v1/projects/p-1/members/bo', { method: 'PATCH', body: JSON.stringify({ role: 'admin' }) })
  })

  it('adds a colleague, or gives the invitation code for someone without an account', async () => {
    api.mockResolvedValue({ items: [me], invitations: [] })
    post.mockResolvedValueOnce({ member: null, invitationToken: 'inv-123' })
    const view = mount(MembersView)
    await flushPromises()

    await view.find('[data-test=add-member] input').setValue('new@example.com')
    await view.find('[data-test=add-member]').trigger('submit')
    await flushPromises()
    expect(post).toHaveBeenCalledWith('/api/v1/projects/p-1/members', { email: 'new@example.com', role: 'engineer' })
    expect(view.find('[data-test=notice]').text()).toContain('has no account yet')
    expect(view.find('[data-test=notice]').text()).toContain('inv-123')
  })

  it('shows viewers the members and nothing to change', async () => {
    role = 'viewer'
    api.mockResolvedValue({ items: [me, bo], invitations: [] })
    const view = mount(MembersView)
    await flushPromises()
    expect(view.findAll('select')).toHaveLength(0)
    expect(view.find('[data-test=add-member]').exists()).toBe(false)
    expect(view.text()).not.toContain('Remove')
  })
})
