import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { UsageReport } from '../src/api/reports'

const api = vi.fn()
vi.mock('../src/api/client', () => ({ api: (path: string) => api(path), ApiError: class extends Error {} }))

const { default: AiUsageView } = await import('../src/views/AiUsageView.vue')

function report(overrides: Partial<UsageReport> = {}): UsageReport {
  const usage = { key: '2026-11-29', requests: 12, cacheHits: 4, failures: 1, promptTokens: 9000, completionTokens: 1200, costUsd: 0.42 }
  return {
    scope: 'project', from: '', to: '',
    budget: { month: '2026-11', budgetUsd: 50, spentUsd: 41, percent: 82, exhausted: false },
    byDay: [usage], byProject: [], byModel: [{ ...usage, key: 'gpt-4o-mini' }], ...overrides,
  }
}

function mountView() {
  return mount(AiUsageView, { global: { stubs: { ChartCanvas: { props: ['config', 'label'], template: '<div data-test="chart">{{ label }}</div>' } } } })
}

describe('AiUsageView', () => {
  beforeEach(() => api.mockReset())

  it('shows the month against the budget, cost by day and by model', async () => {
    api.mockResolvedValueOnce(report())
    const view = mountView()
    await flushPromises()

    expect(view.find('[data-test=budget] h2').text()).toBe('2026-11: $41.00 of $50.00')
    expect(view.find('[role=meter]').attributes('aria-valuenow')).toBe('82')
    expect(view.find('[role=meter] span').classes()).toContain('over')
    expect(view.find('[data-test=chart]').exists()).toBe(true)
    expect(view.find('[data-test=by-model]').text()).toContain('gpt-4o-mini')
    expect(api).toHaveBeenCalledWith('/api/v1/ai/usage')
  })

  it('explains a spent budget and a month without LLM calls', async () => {
    api.mockResolvedValueOnce(report({ budget: { month: '2026-11', budgetUsd: 1, spentUsd: 1, percent: 100, exhausted: true }, byDay: [], byModel: [] }))
    const view = mountView()
    await flushPromises()

    expect(view.find('[data-test=exhausted]').text()).toContain('deterministic reasoner')
    expect(view.find('[data-test=no-usage]').exists()).toBe(true)
  })
})
