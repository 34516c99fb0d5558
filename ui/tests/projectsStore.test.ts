import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const post = vi.fn()
const liveCalls: string[] = []
vi.mock('../src/api/client', () => ({
  post: (path: string, body?: unknown) => post(path, body),
  api: vi.fn(),
  refreshAccessToken: vi.fn(),
  ApiError: class extends Error {},
}))
vi.mock('../src/live/live', () => ({ live: { stop: () => liveCalls.push('stop'), start: () => liveCalls.push('start') } }))

const { session, setSession } = await import('../src/api/session')
const { useProjectsStore } = await import('../src/stores/projects')

describe('projects store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    post.mockReset()
    liveCalls.length = 0
    setSession({ accessToken: 'old', user: { id: 'u', email: 'u@example.com', fullName: 'U' }, projectId: 'p1',
      projects: [{ id: 'p1', name: 'Payments', role: 'admin' }, { id: 'p2', name: 'Search', role: 'viewer' }] })
  })

  it('switches with a token for the other project and reconnects the live channel', async () => {
    post.mockResolvedValueOnce({ accessToken: 'new' })
    const store = useProjectsStore()
    expect(store.active?.name).toBe('Payments')

    expect(await store.switchTo('p2')).toBe(true)
    expect(post).toHaveBeenCalledWith('/api/v1/auth/switch-project', { projectId: 'p2' })
    expect(session.current?.accessToken).toBe('new')
    expect(store.active?.name).toBe('Search')
    expect(liveCalls).toEqual(['stop', 'start'])
  })

  it('stays in the project and says why when the switch is refused', async () => {
    post.mockRejectedValueOnce(new Error('offline'))
    const store = useProjectsStore()

    expect(await store.switchTo('p2')).toBe(false)
    expect(session.current?.projectId).toBe('p1')
    expect(store.error).toBe('The project could not be switched; try again.')
    expect(liveCalls).toEqual([])
  })
})
