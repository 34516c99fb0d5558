import type { ChartConfiguration } from 'chart.js'
import type { Analysis, AttachedSignal, ContextSeries, Evidence, Incident } from './api/types'

/** How much before the incident started its metrics are shown: enough to see what normal looked like. */
const LEAD_MS = 60 * 60 * 1000
/** The context API answers at most seven days. */
const MAX_RANGE_MS = 7 * 24 * 60 * 60 * 1000
/** The robust z-score at which the drawn normal range ends (the detectors' usual threshold). */
export const NORMAL_BAND_Z = 3
/** Robust σ of a MAD (MAD / 0.6745): how the ingest detector turns the MAD into a z-score. */
const MAD_TO_SIGMA = 1 / 0.6745

/** The metrics window around an incident: an hour before it started until it was resolved (or now). */
export function contextWindow(incident: Incident, now: number = Date.now()): { from: string; to: string } {
  const end = incident.resolvedAt ? Math.min(Date.parse(incident.resolvedAt) + LEAD_MS / 4, now) : now
  const start = Math.max(Date.parse(incident.startedAt) - LEAD_MS, end - MAX_RANGE_MS)
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() }
}

/** The services worth charting: the incident's, its alerts', and those the analysis suspects. */
export function servicesInScope(incident: Incident, signals: AttachedSignal[], analysis: Analysis | null): string[] {
  const named = [
    incident.service,
    ...signals.map((signal) => signal.service),
    ...(analysis?.hypotheses ?? []).map((hypothesis) => hypothesis.suspectService),
    ...(analysis?.rankedServices ?? []).map((ranked) => ranked.service),
  ]
  return [...new Set(named.filter((service): service is string => !!service))].sort()
}

/** The series that tell the most: those that departed first, then by how far, at most {@code limit}. */
export function telling(series: ContextSeries[], limit = 4): ContextSeries[] {
  return [...series]
    .filter((one) => one.points.length > 0)
    .sort((a, b) => Number(b.anomalous) - Number(a.anomalous) || (b.maxAbsScore ?? 0) - (a.maxAbsScore ?? 0))
    .slice(0, limit)
}

/** "checkout — 7.2σ from normal, from 10:42" or "checkout — within its normal range". */
export function seriesSummary(series: ContextSeries): string {
  const who = series.service ?? 'no service'
  if (series.baseline === null || series.maxAbsScore === null) {
    return `${who} — no baseline learned yet`
  }
  const distance = `${Math.abs(series.maxAbsScore).toFixed(1)}σ from normal`
  if (series.anomalous && series.onsetAt) {
    return `${who} — ${distance}, departed at ${clock(Date.parse(series.onsetAt))}`
  }
  return `${who} — within its normal range (at most ${distance})`
}

function clock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
}

/** Below this many points each is drawn as a dot: a short history would otherwise not show at all. */
const DOTTED_BELOW = 20

/**
 * A line chart of one series over the window asked (so a series Prometheus has known only briefly
 * shows where its history starts), with its normal range (baseline ± {@link NORMAL_BAND_Z} robust σ)
 * shaded and the onset marked, on a linear time axis (no date adapter needed).
 */
export function seriesChart(series: ContextSeries, window?: { from: string; to: string }): ChartConfiguration {
  const values = series.points.map(([at, value]) => ({ x: at * 1000, y: value }))
  const first = window ? Date.parse(window.from) : (values[0]?.x ?? 0)
  const last = window ? Date.parse(window.to) : (values[values.length - 1]?.x ?? 0)
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
    { label: series.unit ? `${series.template} (${series.unit})` : series.template, data: values,
      borderColor: '#1f6feb', backgroundColor: '#1f6feb', pointRadius: values.length < DOTTED_BELOW ? 3 : 0, borderWidth: 2 },
  ]
  if (series.baseline) {
    // The MAD floored as the detector floors it, so a flat series gets a visible, honest band.
    const mad = Math.max(series.baseline.mad, Math.abs(series.baseline.median) * 1e-3, 1e-9)
    const spread = mad * MAD_TO_SIGMA * NORMAL_BAND_Z
    const edge = (value: number) => [{ x: first, y: value }, { x: last, y: value }]
    datasets.push(
      { label: `normal range (±${NORMAL_BAND_Z}σ)`, data: edge(series.baseline.median + spread), borderColor: 'transparent',
        backgroundColor: 'rgba(46, 160, 67, 0.15)', pointRadius: 0, fill: '+1' },
      { label: 'normal range low', data: edge(series.baseline.median - spread), borderColor: 'transparent', pointRadius: 0 },
      { label: 'baseline (median)', data: edge(series.baseline.median), borderColor: '#2ea043', borderDash: [4, 4],
        pointRadius: 0, borderWidth: 1 },
    )
  }
  if (series.onsetAt) {
    const onset = Date.parse(series.onsetAt)
    const nearest = values.reduce((best, point) => (Math.abs(point.x - onset) < Math.abs(best.x - onset) ? point : best), values[0])
    datasets.push({ label: 'onset', data: nearest ? [nearest] : [], borderColor: '#cf222e', backgroundColor: '#cf222e',
      pointRadius: 5, showLine: false })
  }
  return {
    type: 'line',
    data: { datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false, parsing: false,
      plugins: { legend: { labels: { filter: (item) => item.text !== 'normal range low' } } },
      scales: { x: { type: 'linear', min: first, max: last, ticks: { maxTicksLimit: 6, callback: (value) => clock(Number(value)) } } },
    },
  } as ChartConfiguration
}

/** A link to where a piece of evidence can be seen: an anchor on this page, or another page. */
export interface EvidenceLink {
  label: string
  anchor?: string
  route?: string
}

/**
 * Where a piece of evidence can be seen for itself: an alert in the incident's list, a metric in
 * its chart, a change among the service's changes, a precedent on its own incident page.
 */
export function evidenceLink(item: Evidence): EvidenceLink | null {
  switch (item.kind) {
    case 'signal':
      return item.signalId ? { label: 'the alert', anchor: `#signal-${item.signalId}` } : null
    case 'metric':
      return { label: 'the chart', anchor: '#metrics' }
    case 'change':
      return item.service
        ? { label: `changes of ${item.service}`, route: `/changes?service=${encodeURIComponent(item.service)}` }
        : { label: 'changes', route: '/changes' }
    case 'precedent':
      return item.id.startsWith('precedent:') ? { label: 'that incident', route: `/incidents/${item.id.slice('precedent:'.length)}` } : null
    default:
      return null
  }
}
