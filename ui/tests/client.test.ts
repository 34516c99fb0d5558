import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api } from '../src/api/client'
import { session, setSession } from '../src/api/session'

const signedIn = {
  accessToken: 'old-token',
  user: { id: 'u1', email: 'ada@example.com', fullName: 'Ada' },
  projectId: 'p1',
  projects: [{ id: 'p1', name: 'Default', role: 'owner' as const }],
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

describe('api', () => {
  beforeEach(() => setSession({ ...signedIn }))
  afterEach(() => vi.unstubAllGlobals())

  it('sends the access token and answers the body', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { items: [] }))
    vi.stubGlobal('fetch', fetch)

    await expect(api('/api/v1/incidents')).resolves.toEqual({ items: [] })
    expect(new Headers(fetch.mock.calls[0][1].headers).get('Authorization')).toBe('Bearer old-token')
  })

  it('refreshes an expired token once and retries the call', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(json(401, { status: 401, title: 'Authentication is required' }))
      .mockResolvedValueOnce(json(200, { accessToken: 'new-token', expiresIn: 900 }))
      .mockResolvedValueOnce(json(200, { ok: true }))
    vi.stubGlobal('fetch', fetch)

    await expect(api('/api/v1/incidents')).resolves.toEqual({ ok: true })
    expect(fetch.mock.calls[1][0]).toBe('/api/v1/auth/refresh')
    expect(new Headers(fetch.mock.calls[2][1].headers).get('Authorization')).toBe('Bearer new-token')
    expect(session.current?.accessToken).toBe('new-token')
  })

  it('ends the session when the refresh is refused', async () => {
    vi.stubGlobal('fetch', vi.fn()
      .mockResolvedValueOnce(json(401, { status: 401, title: 'Authentication is required' }))
      .mockResolvedValueOnce(json(401, { status: 401, title: 'Authentication is required' })))

    await expect(api('/api/v1/incidents')).rejects.toBeInstanceOf(ApiError)
    expect(session.current).toBeNull()
  })

  it('turns problem+json into an error that names the invalid fields', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(400, {
      type: 'urn:sre-copilot:problem:validation', title: 'The request is not valid', status: 400,
      detail: '1 field(s) are not valid', errors: [{ field: 'title', message: 'must not be blank' }],
    }, 'application/problem+json')))

    const error = await api('/api/v1/incidents', { method: 'POST', body: '{}' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(400)
    expect((error as ApiError).message).toBe('1 field(s) are not valid')
    expect((error as ApiError).fieldError('title')).toBe('must not be blank')
  })
})
