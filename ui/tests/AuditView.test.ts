import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuditEntry } from '../src/api/reports'

const api = vi.fn()
const download = vi.fn()
let role = 'admin'
vi.mock('../src/api/client', () => ({
  api: (path: string) => api(path),
  download: (path: string) => download(path),
  ApiError: class extends Error {},
}))
vi.mock('../src/api/session', () => ({ can: (wanted: string) => wanted === role || (role === 'owner') }))

const { default: AuditView } = await import('../src/views/AuditView.vue')

function entry(id: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id, eventId: `e-${id}`, occurredAt: new Date().toISOString(), actor: { type: 'user', id: 'ana' },
    action: 'incident.state_changed', resource: { type: 'incident', id: 'i-1' }, outcome: 'success', data: {}, ...overrides,
  }
}

describe('AuditView', () => {
  beforeEach(() => {
    api.mockReset()
    download.mockReset()
    role = 'admin'
  })

  it('lists the trail and shows what a request changed, field by field', async () => {
    api.mockResolvedValueOnce({
      items: [entry('1', {
        action: 'http.request', resource: { type: 'incidents', id: 'i-1' },
        data: { method: 'PATCH', path: '/api/v1/incidents/i-1', status: 200,
          changes: [{ path: '/severity', before: 'low', after: 'critical' }, { path: '/title', after: 'Checkout down' }] },
      }), entry('2')],
      nextCursor: null,
    })
    const view = mount(AuditView)
    await flushPromises()

    const rows = view.findAll('[data-test=audit-row]')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('PATCH /api/v1/incidents/i-1 → 200')
    await rows[0].find('button').trigger('click')
    const changes = view.find('[data-test=changes]').findAll('tbody tr')
    expect(changes.map((row) => row.text())).toEqual(['/severitylowcritical', '/title—Checkout down'])
    expect(api).toHaveBeenCalledWith('/api/v1/audit?limit=50')
  })

  it('asks the API with the filters given and says when nothing matches', async () => {
    api.mockResolvedValueOnce({ items: [entry('1')], nextCursor: null }).mockResolvedValueOnce({ items: [], nextCursor: null })
    const view = mount(AuditView)
    await flushPromises()

    await view.find('[data-test=filters] input').setValue('member.role_changed')
    await view.find('select').setValue('failure')
    await view.find('[data-test=filters]').trigger('submit')
    await flushPromises()

    expect(api).toHaveBeenLastCalledWith('/api/v1/audit?action=member.role_changed&outcome=failure&limit=50')
    expect(view.find('[data-test=empty]').text()).toContain('No records match')
  })

  it('lets owners check the hash chain and shows where it breaks', async () => {
    role = 'owner'
    api.mockResolvedValueOnce({ items: [], nextCursor: null }).mockResolvedValueOnce({
      verified: false, recordsChecked: 3, fromSeq: 1, headSeq: 5, checkedAt: '',
      firstBreak: { seq: 3, recordId: 'r3', reason: 'its content does not match its hash: it was altered' },
    })
    const view = mount(AuditView)
    await flushPromises()

    await view.find('[data-test=verify]').trigger('click')
    await flushPromises()
    expect(api).toHaveBeenLastCalledWith('/api/v1/audit/verify')
    expect(view.find('[data-test=chain-broken]').text()).toContain('Broken at record 3: its content does not match its hash')
  })

  it('offers no chain check to admins and says the API problem in words', async () => {
    api.mockRejectedValueOnce(new Error('network down'))
    const view = mount(AuditView)
    await flushPromises()

    expect(view.find('[data-test=verify]').exists()).toBe(false)
    expect(view.find('[role=alert]').text()).toBe('The audit log cannot be loaded right now.')
  })

  it('exports what the filters select', async () => {
    api.mockResolvedValueOnce({ items: [], nextCursor: null })
    download.mockResolvedValueOnce(new Blob(['a,b']))
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const view = mount(AuditView)
    await flushPromises()

    await view.find('[data-test=filters] input').setValue('incident.created')
    await view.find('[data-test=export-csv]').trigger('click')
    await flushPromises()
    expect(download).toHaveBeenCalledWith('/api/v1/audit/export.csv?action=incident.created')
  })
})
