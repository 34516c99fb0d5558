// RCAEval's measures of a ranking over cases: AC@k (the root cause among the first k) and Avg@5,
// overall and per fault type; and how well confidences are calibrated: a reliability table and the
// expected calibration error.

export function accuracy(cases, rankOf) {
  const hits = [0, 0, 0, 0, 0]
  for (const one of cases) {
    const position = rankOf(one)
    for (let k = 0; k < 5; k++) if (position >= 1 && position <= k + 1) hits[k]++
  }
  const acAt = hits.map((h) => h / cases.length)
  return { cases: cases.length, ac1: acAt[0], ac3: acAt[2], avg5: acAt.reduce((a, b) => a + b, 0) / 5 }
}

export function byFault(cases, rankOf) {
  const faults = [...new Set(cases.map((one) => one.fault))].sort()
  return Object.fromEntries(faults.map((fault) => [fault, accuracy(cases.filter((one) => one.fault === fault), rankOf)]))
}

/** Predictions {confidence, correct} in ten bins of confidence; ECE weighs each bin's gap by its size. */
export function reliability(predictions, bins = 10) {
  const table = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, n: 0, confidence: 0, right: 0 }))
  for (const { confidence, correct } of predictions) {
    const bin = table[Math.min(bins - 1, Math.floor(confidence * bins))]
    bin.n++
    bin.confidence += confidence
    bin.right += correct ? 1 : 0
  }
  let ece = 0
  for (const bin of table) {
    if (bin.n) {
      bin.confidence /= bin.n
      bin.accuracy = bin.right / bin.n
      ece += (bin.n / predictions.length) * Math.abs(bin.accuracy - bin.confidence)
    }
  }
  return { bins: table.filter((bin) => bin.n), ece, n: predictions.length }
}
