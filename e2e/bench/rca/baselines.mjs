// The published methods the product is measured against, on the same series the product's analysis
// read (ingest's context API): a random order, N-Sigma, and BARO (Pham et al., FSE 2024: multivariate
// Bayesian online change-point detection, then a robust scorer). Written from the papers and
// RCAEval's definitions; each returns services, most suspect first.

/** A seeded random order (mulberry32), so a run can be repeated. */
export function randomOrder(services, seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const order = [...services]
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order
}

/**
 * N-Sigma as the dataset's README states it: per series, (max after the start − mean before) / σ
 * before, σ taken as 1 where the series is constant; a service scores its largest.
 */
export function nSigma(series, startSeconds) {
  const scores = new Map()
  for (const one of series) {
    const before = one.points.filter(([t]) => t < startSeconds).map(([, v]) => v)
    const after = one.points.filter(([t]) => t >= startSeconds).map(([, v]) => v)
    if (!before.length || !after.length) continue
    const mean = before.reduce((a, b) => a + b, 0) / before.length
    const variance = before.reduce((a, b) => a + (b - mean) ** 2, 0) / before.length
    const sigma = Math.sqrt(variance) <= 1e-9 * Math.max(1, Math.abs(mean)) ? 1 : Math.sqrt(variance)
    const score = (Math.max(...after) - mean) / sigma
    scores.set(one.service, Math.max(scores.get(one.service) ?? -Infinity, score))
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([service]) => service)
}

/**
 * BARO: the series become one table (a row per timestamp, carried forward over gaps, zeros where
 * nothing is known yet); multivariate BOCPD (Student-t predictive under a normal-inverse-Wishart
 * prior, hazard 1/50, columns min-max normalised) over the latency columns finds when the anomaly
 * began — the first time the run length of 10 has probability above 0.01, as in BARO's
 * find_anomalies; then each column is scored by its largest (x − median) / IQR after that time
 * against the rows before it (IQR 1 where 0), columns are ranked by score and services by their
 * first column. {@code latencyOf(series)} says which series are latencies.
 */
export function baro(series, latencyOf) {
  const table = tableOf(series)
  if (table.rows.length < 3) return []
  const latency = table.columns.map((column, i) => (latencyOf(column) ? i : -1)).filter((i) => i >= 0)
  const split = anomalyStart(table.rows.map((row) => latency.map((i) => row[i])))
  const normal = table.rows.slice(0, split)
  const anomalous = table.rows.slice(split)
  const scored = table.columns.map((column, i) => {
    const before = normal.map((row) => row[i]).sort((a, b) => a - b)
    const median = quantile(before, 0.5)
    const iqr = quantile(before, 0.75) - quantile(before, 0.25)
    const scale = iqr === 0 ? 1 : iqr
    return { service: column.service, score: Math.max(...anomalous.map((row) => (row[i] - median) / scale)) }
  })
  scored.sort((a, b) => b.score - a.score)
  return [...new Set(scored.map((one) => one.service))]
}

/** Rows by timestamp within the span that has data at all, each column carried forward. */
function tableOf(series) {
  const times = [...new Set(series.flatMap((one) => one.points.map(([t]) => t)))].sort((a, b) => a - b)
  const index = new Map(times.map((t, i) => [t, i]))
  const rows = times.map(() => new Array(series.length).fill(NaN))
  series.forEach((one, column) => one.points.forEach(([t, v]) => { rows[index.get(t)][column] = v }))
  for (let column = 0; column < series.length; column++) {
    let last = NaN
    for (const row of rows) {
      if (Number.isNaN(row[column])) row[column] = last
      else last = row[column]
    }
  }
  for (const row of rows) for (let column = 0; column < row.length; column++) if (Number.isNaN(row[column])) row[column] = 0
  return { columns: series, rows }
}

function quantile(sorted, q) {
  if (!sorted.length) return 0
  const position = q * (sorted.length - 1)
  const low = Math.floor(position)
  const high = Math.min(sorted.length - 1, low + 1)
  return sorted[low] + (position - low) * (sorted[high] - sorted[low])
}

const HAZARD = 1 / 50
const RUN = 10
const THRESHOLD = 0.01

/** The row at which BOCPD says the anomaly began (BARO's find_anomalies, with its fallback). */
export function anomalyStart(matrix) {
  const data = normalised(matrix)
  const T = data.length
  const logR = bocpd(data)
  for (let t = RUN + 1; t < T; t++) {
    // find_anomalies reads R[Nw, Nw:-1]: the probability that the run is 10 long at time t means a
    // change at t − 10; it reports the time at the index of that slice, which is t − 10.
    if (Math.exp(logR[t][RUN] ?? -Infinity) > THRESHOLD && t - RUN >= 1) return t - RUN
  }
  // The fallback: the largest run-length-10 probability after the first five rows.
  let best = -Infinity
  let at = Math.min(5, T - 1)
  for (let t = RUN + 5; t < T; t++) {
    if ((logR[t][RUN] ?? -Infinity) > best) {
      best = logR[t][RUN]
      at = t - RUN
    }
  }
  return Math.max(1, Math.min(at, T - 1))
}

function normalised(matrix) {
  const d = matrix[0]?.length ?? 0
  const out = matrix.map((row) => [...row])
  for (let j = 0; j < d; j++) {
    let min = Infinity
    let max = -Infinity
    for (const row of matrix) {
      min = Math.min(min, row[j])
      max = Math.max(max, row[j])
    }
    for (const row of out) row[j] = max > min ? (row[j] - min) / (max - min) : 0
  }
  return out
}

/**
 * Adams & MacKay's online change-point detection in log space: logR[t][r] is the log probability
 * that the run before row t is r rows long. The predictive is a multivariate Student-t under a
 * normal-inverse-Wishart prior (μ 0, κ 1, ν d + 1, Ψ I), as in the bayesian_changepoint_detection
 * package BARO builds on.
 */
function bocpd(data) {
  const T = data.length
  const d = data[0].length
  const logR = [[0]]
  let runs = [prior(d)]
  for (let t = 0; t < T; t++) {
    const x = data[t]
    const logPredictive = runs.map((run) => logStudent(x, run, d))
    const previous = logR[t]
    const next = new Array(t + 2).fill(-Infinity)
    const changes = []
    for (let r = 0; r <= t; r++) {
      const joint = previous[r] + logPredictive[r]
      next[r + 1] = joint + Math.log(1 - HAZARD)
      changes.push(joint + Math.log(HAZARD))
    }
    next[0] = logSumExp(changes)
    const total = logSumExp(next)
    logR.push(next.map((value) => value - total))
    runs = [prior(d), ...runs.map((run) => updated(run, x, d))]
  }
  return logR
}

function prior(d) {
  const psi = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)))
  return { mu: new Array(d).fill(0), kappa: 1, nu: d + 1, psi }
}

function updated(run, x, d) {
  const centered = x.map((v, i) => v - run.mu[i])
  const weight = run.kappa / (run.kappa + 1)
  const psi = run.psi.map((row, i) => row.map((value, j) => value + weight * centered[i] * centered[j]))
  const mu = run.mu.map((m, i) => (run.kappa * m + x[i]) / (run.kappa + 1))
  return { mu, kappa: run.kappa + 1, nu: run.nu + 1, psi }
}

function logStudent(x, run, d) {
  const df = run.nu - d + 1
  const factor = (run.kappa + 1) / (run.kappa * df)
  const L = cholesky(run.psi.map((row) => row.map((value) => value * factor)))
  const diff = x.map((v, i) => v - run.mu[i])
  // Solve L y = diff; the Mahalanobis distance is |y|².
  const y = new Array(d)
  for (let i = 0; i < d; i++) {
    let sum = diff[i]
    for (let k = 0; k < i; k++) sum -= L[i][k] * y[k]
    y[i] = sum / L[i][i]
  }
  const mahalanobis = y.reduce((a, b) => a + b * b, 0)
  let logDet = 0
  for (let i = 0; i < d; i++) logDet += 2 * Math.log(L[i][i])
  return logGamma((df + d) / 2) - logGamma(df / 2) - (d / 2) * Math.log(df * Math.PI) - logDet / 2
    - ((df + d) / 2) * Math.log1p(mahalanobis / df)
}

function cholesky(a) {
  const n = a.length
  const L = Array.from({ length: n }, () => new Array(n).fill(0))
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j]
      for (let k = 0; k < j; k++) sum -= L[i][k] * L[j][k]
      L[i][j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / L[j][j]
    }
  }
  return L
}

function logSumExp(values) {
  const max = Math.max(...values)
  if (max === -Infinity) return -Infinity
  return max + Math.log(values.reduce((a, v) => a + Math.exp(v - max), 0))
}

/** Lanczos' approximation. */
function logGamma(z) {
  const g = 7
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z)
  z -= 1
  let x = c[0]
  for (let i = 1; i < g + 2; i++) x += c[i] / (z + i)
  const t = z + g + 0.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x)
}
