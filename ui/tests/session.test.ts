import { beforeEach, describe, expect, it, vi } from 'vitest'

const api = vi.fn()
const post = vi.fn()
const refreshAccessToken = vi.fn()
vi.mock('../src/api/client', () => ({
  api: (path: string) => api(path),
  post: (path: string, body?: unknown) => post(path, body),
  refreshAccessToken: () => refreshAccessToken(),
  ApiError: class extends Error {},
}))

const { session, setSession, setAccessToken } = await import('../src/api/session')
const { resumeSession } = await import('../src/api/auth')

const payments = { id: 'p1', name: 'Payments', role: 'admin' as const }
const search = { id: 'p2', name: 'Search', role: 'viewer' as const }

describe('the session', () => {
  beforeEach(() => {
    setSession(null)
    sessionStorage.clear()
    ;[api, post, refreshAccessToken].forEach((mock) => mock.mockReset())
  })

  it('keeps the access token in memory only, never in the browser\'s storage', () => {
    setSession({ accessToken: 'secret-token', user: { id: 'u', email: 'u@example.com', fullName: 'U' }, projectId: 'p1', projects: [payments] })
    expect(session.current?.accessToken).toBe('secret-token')
    const stored = Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key)).join(' ')
      + Object.keys(localStorage).map((key) => localStorage.getItem(key)).join(' ')
    expect(stored).not.toContain('secret-token')
  })

  it('after a reload, gets a token through the refresh cookie and returns to the project last worked in', async () => {
    setSession({ accessToken: 'old', user: { id: 'u', email: 'u@example.com', fullName: 'U' }, projectId: 'p2', projects: [payments, search] })
    session.current = null // what a reload leaves: nothing in memory
    refreshAccessToken.mockImplementation(async () => { setAccessToken('fresh'); return true })
    api.mockResolvedValueOnce({ user: { id: 'u', email: 'u@example.com', fullName: 'U' }, project: payments, projects: [payments, search] })
    post.mockResolvedValueOnce({ accessToken: 'for-search' })

    expect(await resumeSession()).toBe(true)
    expect(post).toHaveBeenCalledWith('/api/v1/auth/switch-project', { projectId: 'p2' })
    expect(session.current).toMatchObject({ accessToken: 'for-search', projectId: 'p2' })
  })

  it('sends to sign-in when the refresh cookie is gone', async () => {
    refreshAccessToken.mockResolvedValueOnce(false)
    expect(await resumeSession()).toBe(false)
    expect(api).not.toHaveBeenCalled()
  })
})
