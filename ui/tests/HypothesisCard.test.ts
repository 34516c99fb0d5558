import { RouterLinkStub, config, flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import HypothesisCard from '../src/components/HypothesisCard.vue'
import type { Hypothesis } from '../src/api/types'

const hypothesis: Hypothesis = {
  id: 'h1', rank: 1, claim: 'checkout is failing requests', description: '2 alert(s) on checkout…',
  suspectService: 'checkout', category: 'errors', confidence: 0.833,
  confidenceBreakdown: [
    { name: 'severity', score: 1, weight: 0.3, reason: 'worst supporting alert is critical' },
    { name: 'corroboration', score: 1 / 3, weight: 0.25, reason: '1 alert(s) agree' },
  ],
  evidence: [{ id: 's1', kind: 'signal', signalId: 's1', alertname: 'HighErrorRate', service: 'checkout',
    severity: 'critical', status: 'firing', startsAt: '2026-11-23T06:00:00Z', summary: 'Error rate above 5%' },
  { id: 'metric:checkout:error_ratio', kind: 'metric', signalId: null, alertname: null, service: 'checkout',
    severity: null, status: null, startsAt: '2026-11-23T05:58:00Z',
    summary: 'error_ratio departed 12.0 robust σ from its baseline', query: 'sum(rate(errors[5m]))',
    from: '2026-11-23T04:30:00Z', to: '2026-11-23T06:30:00Z' },
  { id: 'change:c1', kind: 'change', signalId: null, alertname: null, service: 'checkout', severity: null,
    status: null, startsAt: '2026-11-23T05:55:00Z', summary: 'checkout v42' },
  { id: 'precedent:i4', kind: 'precedent', signalId: null, alertname: null, service: 'checkout', severity: null,
    status: null, startsAt: null, summary: 'INC-4 "Checkout failing": pool exhausted (similarity 0.72)' }],
}

config.global.stubs = { RouterLink: RouterLinkStub }

describe('HypothesisCard', () => {
  it('links each piece of evidence to where it can be seen', () => {
    const card = mount(HypothesisCard, { props: { hypothesis } })
    expect(card.find('[data-test=evidence-signal] a').attributes('href')).toBe('#signal-s1')
    expect(card.find('[data-test=evidence-signal] a').text()).toBe('the alert')
    expect(card.find('[data-test=evidence-metric] a').attributes('href')).toBe('#metrics')
    const routes = card.findAllComponents(RouterLinkStub).map((link) => [link.props('to'), link.text()])
    expect(routes).toEqual([['/changes?service=checkout', 'changes of checkout'], ['/incidents/i4', 'that incident']])
  })

  it('shows the claim, its confidence and every factor that makes it up', () => {
    const card = mount(HypothesisCard, { props: { hypothesis } })
    expect(card.find('[data-test=claim]').text()).toBe('checkout is failing requests')
    expect(card.find('[data-test=confidence]').text()).toBe('83%')
    const rows = card.findAll('[data-test=breakdown] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('worst supporting alert is critical')
    expect(rows[1].text()).toContain('0.083')
    expect(card.text()).toContain('HighErrorRate')
  })

  it('charts what each factor adds only once someone asks why', async () => {
    const card = mount(HypothesisCard, { props: { hypothesis } })
    expect(card.find('[data-test=breakdown-chart]').exists()).toBe(false)

    const details = card.find('details')
    ;(details.element as HTMLDetailsElement).open = true
    await details.trigger('toggle')
    // The chart component (and Chart.js) load on demand.
    await vi.waitFor(async () => {
      await flushPromises()
      expect(card.find('[data-test=breakdown-chart]').exists()).toBe(true)
    }, { timeout: 10_000 })
    const chart = card.find('[data-test=breakdown-chart]')
    expect(chart.find('canvas').attributes('aria-label')).toMatch(/^What each factor adds to the \d+% confidence/)
  })

  it('cites metrics with the query to run again, and changes with their time', () => {
    const card = mount(HypothesisCard, { props: { hypothesis } })
    expect(card.find('[data-test=evidence-metric]').text()).toContain('sum(rate(errors[5m]))')
    expect(card.find('[data-test=evidence-change]').text()).toContain('checkout v42 at 2026-11-23T05:55:00Z')
    expect(card.find('[data-test=evidence-signal]').text()).not.toContain('null')
    expect(card.find('[data-test=evidence-precedent]').text()).toContain('seen before INC-4')
  })

  it('lets an engineer judge the hypothesis and says it was saved', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ verdict: 'accepted' }), { status: 200 }))
    vi.stubGlobal('fetch', fetch)
    const card = mount(HypothesisCard, { props: { hypothesis, canJudge: true } })
    await card.find('[data-test=judge] button').trigger('click')
    await flushPromises()
    expect(fetch).toHaveBeenCalledWith('/api/v1/ai/hypotheses/h1/feedback', expect.objectContaining({ method: 'PUT' }))
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({ verdict: 'accepted' })
    expect(card.find('[data-test=verdict]').text()).toContain('accepted')
    vi.unstubAllGlobals()
  })

  it('recommends runbooks with their risk, why they fit and the MTTR seen, and says who proposed it', () => {
    const card = mount(HypothesisCard, { props: { hypothesis: { ...hypothesis, proposedBy: 'llm', recommendedRunbooks: [
      { runbookId: 'r1', title: 'Drain the checkout pool', riskLevel: 'high', score: 0.8,
        reasons: ['written for checkout', 'tagged errors'], timesUsed: 3, mttrSecondsSeen: 1800 }] } } })
    const runbook = card.find('[data-test=runbook]')
    expect(runbook.text()).toContain('Drain the checkout pool')
    expect(runbook.text()).toContain('high risk')
    expect(runbook.text()).toContain('written for checkout; tagged errors')
    expect(runbook.text()).toContain('resolved in 30 min')
    expect(card.find('[data-test=proposed-by-llm]').exists()).toBe(true)
  })

  it('shows no runbooks section when none fits', () => {
    expect(mount(HypothesisCard, { props: { hypothesis } }).find('[data-test=runbooks]').exists()).toBe(false)
  })

  it('shows no verdict buttons to viewers', () => {
    expect(mount(HypothesisCard, { props: { hypothesis } }).find('[data-test=judge]').exists()).toBe(false)
  })
})
