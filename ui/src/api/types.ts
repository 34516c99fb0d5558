// The core contract (docs/architecture.md): field names the services answer with.

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info'
export type Role = 'viewer' | 'engineer' | 'admin' | 'owner'
export type IncidentState =
  | 'DETECTED'
  | 'ACKNOWLEDGED'
  | 'INVESTIGATING'
  | 'MITIGATED'
  | 'RESOLVED'
  | 'LEARNED'
  | 'INCONCLUSIVE'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface Incident {
  id: string
  number: number
  reference: string
  title: string
  description: string | null
  service: string | null
  severity: Severity
  state: IncidentState
  allowedTransitions: IncidentState[]
  source: 'manual' | 'alertmanager' | 'prometheus' | 'event'
  labels: Record<string, string>
  assigneeId: string | null
  alertGroupIds: string[]
  startedAt: string
  detectedAt: string
  acknowledgedAt: string | null
  mitigatedAt: string | null
  resolvedAt: string | null
  updatedAt: string
  version: number
}

/** An alert attached to an incident (`GET /api/v1/incidents/{id}/signals`). */
export interface AttachedSignal {
  id: string
  fingerprint: string
  alertname: string | null
  service: string | null
  severity: Severity
  status: string
  startsAt: string
  labels: Record<string, string>
  annotations: Record<string, string>
}

/**
 * One metric series around an incident (`GET /api/v1/signals/context`): points of
 * `[epochSeconds, value]`, its learned baseline (median and MAD), the highest robust |z| and the onset.
 */
export interface ContextSeries {
  templateId: string
  template: string
  query: string
  service: string | null
  labels: Record<string, string>
  unit: string | null
  stepSeconds: number
  points: [number, number][]
  baseline: { median: number; mad: number; points: number } | null
  maxAbsScore: number | null
  anomalous: boolean
  onsetAt: string | null
}

export interface IncidentContext {
  from: string
  to: string
  series: ContextSeries[]
  errors: { templateId: string; template: string; error: string }[]
}

export interface TimelineEntry {
  id: string
  kind: string
  actor: { type: string; id: string | null }
  from: IncidentState | null
  to: IncidentState | null
  message: string | null
  data: Record<string, unknown>
  occurredAt: string
}

export interface Factor {
  name: string
  score: number
  weight: number
  reason: string
}

/**
 * An alert (`signal`), a metric that departed from its baseline (`metric`), a change (`change`), or
 * a learned incident like this one (`precedent`).
 */
export interface Evidence {
  id: string
  kind: 'signal' | 'metric' | 'change' | 'precedent'
  signalId: string | null
  alertname: string | null
  service: string | null
  severity: Severity | null
  status: string | null
  startsAt: string | null
  summary: string
  /** For metrics: the PromQL and the range to run it over again. */
  query?: string | null
  from?: string | null
  to?: string | null
}

/** A runbook that fits a hypothesis, why, how risky it is, and what resolving took when it was followed. */
export interface RecommendedRunbook {
  runbookId: string
  title: string
  riskLevel: 'low' | 'medium' | 'high'
  score: number
  reasons: string[]
  timesUsed: number
  mttrSecondsSeen: number | null
}

export interface Hypothesis {
  id: string
  rank: number
  claim: string
  description: string
  suspectService: string | null
  category: string
  /** The probability that it is right, calibrated on the project's verdicts from `rawConfidence`. */
  confidence: number
  /** The weighted sum of the factors in `confidenceBreakdown` (absent in analyses made before calibration). */
  rawConfidence?: number | null
  confidenceBreakdown: Factor[]
  evidence: Evidence[]
  /** `llm` when the model proposed it; scored like the reasoner's own either way. */
  proposedBy?: 'deterministic' | 'llm'
  recommendedRunbooks?: RecommendedRunbook[] | null
}

export interface Analysis {
  id: string
  incidentId: string
  status: 'running' | 'completed' | 'failed'
  reasoner: string
  inconclusive: boolean
  missingData: { source: string; reason: string }[]
  /** Equal scores share a rank; the score orders services and is not a probability. */
  rankedServices: { rank?: number; service: string; score: number; reason: string }[]
  steps?: { name: string; status: string; startedAt: string; durationMs: number; detail: string }[] | null
  hypotheses: Hypothesis[]
  startedAt: string
  completedAt: string | null
  /** Which step failed, and why (failed analyses only). */
  failure?: { step: string; reason: string } | null
  /** What started it: the incident's announcement, a person's re-run, or the metrics having arrived. */
  origin?: 'incident.created' | 'rerun' | 'data-arrived'
  attempts?: number
  /** When it runs once more, the metrics around the incident not having all arrived yet. */
  rerunAt?: string | null
}

export interface ProjectRole {
  id: string
  name: string
  role: Role
}

export interface User {
  id: string
  email: string
  fullName: string
}

/** An event (`id` set), or a message of the channel itself (`id` null): `resync`, `switched`, `error`. */
export interface LiveMessage<T = unknown> {
  id: string | null
  type: string
  resource: { type: string; id: string } | null
  data: T
  occurredAt: string
}

export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  errors?: { field: string; message: string }[]
}

export interface Postmortem {
  incidentId: string
  summary: string
  impact: string | null
  rootCause: string | null
  confirmedHypothesis: { id: string | null; claim: string } | null
  contributingFactors: string[]
  actionItems: { id: string; description: string; owner: string | null; dueDate: string | null; status: string }[]
  missingForLearned: string[]
  version: number
}
