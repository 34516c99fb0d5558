import { describe, expect, it } from 'vitest'
import type { Analysis, ContextSeries, Incident } from '../src/api/types'
import { contextWindow, seriesChart, seriesSummary, servicesInScope, telling } from '../src/evidence'

const incident = {
  id: 'i1', service: 'checkout', startedAt: '2026-11-30T10:00:00Z', resolvedAt: null,
} as unknown as Incident

function series(overrides: Partial<ContextSeries> = {}): ContextSeries {
  return {
    templateId: 't1', template: 'HTTP error ratio', query: 'q', service: 'checkout', labels: {}, unit: 'ratio', stepSeconds: 60,
    points: [[1000, 0.01], [1060, 0.02], [1120, 0.4]], baseline: { median: 0.01, mad: 0.005, points: 60 },
    maxAbsScore: 52.6, anomalous: true, onsetAt: new Date(1120_000).toISOString(), ...overrides,
  }
}

describe('evidence series', () => {
  it('looks from an hour before the incident until now, or shortly after it was resolved', () => {
    const now = Date.parse('2026-11-30T11:00:00Z')
    expect(contextWindow(incident, now)).toEqual({ from: '2026-11-30T09:00:00.000Z', to: '2026-11-30T11:00:00.000Z' })
    const resolved = { ...incident, resolvedAt: '2026-11-30T10:20:00Z' }
    expect(contextWindow(resolved, now).to).toBe('2026-11-30T10:35:00.000Z')
  })

  it('never asks for more than the seven days the API answers', () => {
    const old = { ...incident, startedAt: '2026-10-01T00:00:00Z' }
    const window = contextWindow(old, Date.parse('2026-11-30T00:00:00Z'))
    expect(Date.parse(window.to) - Date.parse(window.from)).toBe(7 * 24 * 3600 * 1000)
  })

  it('charts the incident\'s service, its alerts\' and the suspects, each once', () => {
    const analysis = { hypotheses: [{ suspectService: 'payments' }, { suspectService: null }], rankedServices: [{ service: 'checkout' }] } as unknown as Analysis
    const signals = [{ service: 'edge' }, { service: null }] as never
    expect(servicesInScope(incident, signals, analysis)).toEqual(['checkout', 'edge', 'payments'])
  })

  it('shows the series that departed first, then the furthest, and leaves out empty ones', () => {
    const chosen = telling([
      series({ templateId: 'calm', anomalous: false, maxAbsScore: 2 }),
      series({ templateId: 'far', anomalous: false, maxAbsScore: 9 }),
      series({ templateId: 'departed', anomalous: true, maxAbsScore: 4 }),
      series({ templateId: 'empty', points: [] }),
    ], 2)
    expect(chosen.map((one) => one.templateId)).toEqual(['departed', 'far'])
  })

  it('says in words how far a series went and when, or that it stayed normal', () => {
    expect(seriesSummary(series())).toMatch(/^checkout — 52\.6σ from normal, departed at \d\d:\d\d/)
    expect(seriesSummary(series({ anomalous: false, onsetAt: null, maxAbsScore: -1.2 }))).toBe('checkout — within its normal range (at most 1.2σ from normal)')
    expect(seriesSummary(series({ baseline: null, maxAbsScore: null }))).toBe('checkout — no baseline learned yet')
  })

  it('draws the values, the normal range three robust σ around the median, and the onset', () => {
    const config = seriesChart(series())
    const [values, high, low, median, onset] = config.data.datasets
    expect(values.data).toEqual([{ x: 1000_000, y: 0.01 }, { x: 1060_000, y: 0.02 }, { x: 1120_000, y: 0.4 }])
    const spread = (0.005 / 0.6745) * 3
    expect((high.data[0] as { y: number }).y).toBeCloseTo(0.01 + spread)
    expect((low.data[1] as { y: number }).y).toBeCloseTo(0.01 - spread)
    expect((median.data[0] as { y: number }).y).toBe(0.01)
    expect(onset.data).toEqual([{ x: 1120_000, y: 0.4 }])
  })

  it('draws only the values when no baseline was learned', () => {
    expect(seriesChart(series({ baseline: null, onsetAt: null })).data.datasets).toHaveLength(1)
  })
})

describe('a short history', () => {
  it('spans the window asked and draws each point as a dot, so a series Prometheus has only just seen still shows', () => {
    const window = { from: '2026-11-30T10:00:00Z', to: '2026-11-30T11:00:00Z' }
    const config = seriesChart({
      templateId: 't', template: 'request rate', query: 'q', service: 'checkout', labels: {}, unit: null, stepSeconds: 60,
      points: [[Date.parse('2026-11-30T11:00:00Z') / 1000, 0.4]], baseline: null, maxAbsScore: null, anomalous: false, onsetAt: null,
    }, window)
    const x = (config.options as { scales: { x: { min: number; max: number } } }).scales.x
    expect([x.min, x.max]).toEqual([Date.parse(window.from), Date.parse(window.to)])
    expect((config.data.datasets[0] as { pointRadius: number }).pointRadius).toBe(3)
  })
})
