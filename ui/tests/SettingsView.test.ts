import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Role } from '../src/api/types'

const api = vi.fn()
class ApiError extends Error {
  constructor(message: string, public status: number, public problem?: { errors?: { field: string; message: string }[] }) { super(message) }
}
vi.mock('../src/api/client', () => ({
  api: (path: string, init?: RequestInit) => api(path, init),
  post: vi.fn(),
  refreshAccessToken: vi.fn(),
  ApiError,
}))
vi.mock('../src/live/live', () => ({ live: { stop: vi.fn(), start: vi.fn() } }))

const { session, setSession } = await import('../src/api/session')
const { default: SettingsView } = await import('../src/views/SettingsView.vue')

function signIn(role: Role) {
  setSession({ accessToken: 't', user: { id: 'u', email: 'u@example.com', fullName: 'U' }, projectId: 'p1',
    projects: [{ id: 'p1', name: 'Payments', role }] })
}

/** Answers by path and method, as the services would. */
function answer(overrides: Record<string, unknown> = {}) {
  const answers: Record<string, unknown> = {
    'GET /api/v1/incidents/settings': { correlationWindowSeconds: 1800, autoResolve: true, updatedAt: null },
    'GET /api/v1/audit/retention': { days: 365, custom: false },
    'GET /api/v1/projects/p1/api-keys': { items: [{ id: 'k1', name: 'alertmanager', prefix: 'sre_ab12', scopes: ['ingest:write'],
      createdAt: '2026-11-01T00:00:00Z', expiresAt: null, lastUsedAt: null, revokedAt: null }] },
    ...overrides,
  }
  api.mockImplementation(async (path: string, init?: RequestInit) => {
    const found = answers[`${init?.method ?? 'GET'} ${path}`]
    if (found instanceof Error) throw found
    return typeof found === 'function' ? found(init?.body ? JSON.parse(String(init.body)) : undefined) : found
  })
}

describe('SettingsView', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    api.mockReset()
  })

  it('shows viewers the settings without a way to change them', async () => {
    signIn('viewer')
    answer()
    const view = mount(SettingsView)
    await flushPromises()

    expect((view.find('[data-test=incident-settings] input[type=number]').element as HTMLInputElement).value).toBe('30')
    expect(view.find('[data-test=incident-settings] input[type=number]').attributes('disabled')).toBeDefined()
    expect(view.findAll('button')).toHaveLength(0)
    expect(view.find('[data-test=api-keys]').exists()).toBe(false)
    expect(view.find('[data-test=retention]').exists()).toBe(false)
    expect(api.mock.calls.map(([path]) => path)).not.toContain('/api/v1/audit/retention')
  })

  it('lets admins change how incidents correlate, in minutes, and says what the API refused', async () => {
    signIn('admin')
    const saved = vi.fn((body: { correlationWindowSeconds: number; autoResolve: boolean }) => ({ ...body, updatedAt: 'now' }))
    answer({ 'PUT /api/v1/incidents/settings': saved })
    const view = mount(SettingsView)
    await flushPromises()

    await view.find('[data-test=incident-settings] input[type=number]').setValue('45')
    await view.find('[data-test=incident-settings] input[type=checkbox]').setValue(false)
    await view.find('[data-test=incident-settings]').trigger('submit')
    await flushPromises()
    expect(saved).toHaveBeenCalledWith({ correlationWindowSeconds: 2700, autoResolve: false })
    expect(view.find('[data-test=incident-settings] [role=status]').text()).toContain('Saved')
    expect(view.find('[data-test=api-keys]').exists()).toBe(true)

    answer({ 'PUT /api/v1/incidents/settings': new ApiError('The request is not valid', 400,
      { errors: [{ field: 'correlationWindowSeconds', message: 'must be at least 60' }] }) })
    await view.find('[data-test=incident-settings]').trigger('submit')
    await flushPromises()
    expect(view.find('[data-test=incident-settings] [role=status]').text())
      .toBe('The settings were not saved: The request is not valid; correlationWindowSeconds must be at least 60')
  })

  it('lets owners rename the project (the header follows) and set how long the audit trail is kept', async () => {
    signIn('owner')
    answer({
      'PATCH /api/v1/projects/p1': (body: { name: string }) => ({ id: 'p1', name: body.name }),
      'PUT /api/v1/audit/retention': (body: { days: number }) => ({ days: body.days, custom: true }),
    })
    const view = mount(SettingsView)
    await flushPromises()

    await view.find('[data-test=project-name] input').setValue('Payments EU')
    await view.find('[data-test=project-name]').trigger('submit')
    await flushPromises()
    expect(session.current?.projects[0].name).toBe('Payments EU')

    expect((view.find('[data-test=retention] input').element as HTMLInputElement).value).toBe('365')
    await view.find('[data-test=retention] input').setValue('90')
    await view.find('[data-test=retention]').trigger('submit')
    await flushPromises()
    expect(api).toHaveBeenCalledWith('/api/v1/audit/retention', { method: 'PUT', body: JSON.stringify({ days: 90 }) })
    expect(view.find('[data-test=retention] [role=status]').text()).toContain('Saved')
  })

  it('lists the API keys and revokes one after asking', async () => {
    signIn('admin')
    const revoked = vi.fn(() => undefined)
    answer({ 'DELETE /api/v1/projects/p1/api-keys/k1': revoked })
    const confirm = vi.fn(() => true)
    vi.stubGlobal('confirm', confirm)
    const view = mount(SettingsView)
    await flushPromises()

    expect(view.find('[data-test=api-key]').text()).toMatch(/alertmanager\s*sre_ab12….*ingest:write\s*never/s)
    await view.find('[data-test=revoke]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalled()
    expect(revoked).toHaveBeenCalled()
  })
})
