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
  confidence: number
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
  rankedServices: { service: string; score: number; reason: string }[]
  steps?: { name: string; status: string; startedAt: string; durationMs: number; detail: string }[] | null
  hypotheses: Hypothesis[]
  startedAt: string
  completedAt: string | null
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

/** One field a request changed: before or after is absent where the field was added or removed. */
export interface FieldChange {
  path: string
  before?: unknown
  after?: unknown
}

export interface AuditEntry {
  id: string
  eventId: string
  occurredAt: string
  actor: { type: string; id: string | null }
  action: string
  resource: { type: string; id: string | null } | null
  outcome: 'success' | 'failure'
  data: Record<string, unknown> & { changes?: FieldChange[]; changesOmitted?: number }
}

export interface ChainReport {
  verified: boolean
  recordsChecked: number
  fromSeq: number
  headSeq: number
  firstBreak: { seq: number; recordId: string; reason: string } | null
  checkedAt: string
}

export interface DurationFigure {
  count: number
  medianSeconds: number | null
  p90Seconds: number | null
}

export interface IncidentStats {
  from: string
  to: string
  bucket: 'day' | 'week'
  open: { total: number; byState: Record<string, number>; bySeverity: Record<string, number> }
  detected: { total: number; byState: Record<string, number>; bySeverity: Record<string, number> }
  mtta: { overall: DurationFigure; overTime: (DurationFigure & { start: string })[] }
  mttr: { overall: DurationFigure; overTime: (DurationFigure & { start: string })[] }
}

export interface LlmUsage {
  key: string
  requests: number
  cacheHits: number
  failures: number
  promptTokens: number
  completionTokens: number
  costUsd: number
}

export interface UsageReport {
  scope: 'tenant' | 'project'
  from: string
  to: string
  budget: { month: string; budgetUsd: number; spentUsd: number; percent: number; exhausted: boolean }
  byDay: LlmUsage[]
  byProject: LlmUsage[]
  byModel: LlmUsage[]
}

export interface Integration {
  id: string
  type: 'prometheus'
  name: string
  url: string
  alertmanagerUrl: string | null
  auth: { type: 'none' | 'bearer' | 'basic'; username: string | null; secretSet: boolean }
  headerNames: string[]
  tlsVerify: boolean
  health: { status: 'unknown' | 'ok' | 'failing'; lastSuccessAt: string | null; lastErrorAt: string | null; lastError: string | null }
  createdAt: string
  updatedAt: string
}

export interface ConnectionTest {
  ok: boolean
  latencyMs: number
  version: string | null
  error: string | null
  testedAt: string
}

export interface QueryTemplate {
  id: string
  name: string
  query: string
  serviceLabel: string
  intervalSeconds: number
  libraryId: string | null
  enabled: boolean
  lastRunAt: string | null
  lastError: string | null
}

export interface LibraryTemplate {
  id: string
  signal: string
  description: string
}

export interface CreatedKey {
  id: string
  name: string
  prefix: string
  key: string
}

export interface Change {
  id: string
  type: 'deploy' | 'config' | 'feature_flag' | 'infrastructure'
  service: string
  environment: string | null
  version: string | null
  commit: string | null
  author: string | null
  description: string | null
  url: string | null
  deployedAt: string
  recordedAt: string
}

export interface Runbook {
  id: string
  title: string
  description: string | null
  steps: string
  tags: string[]
  services: string[]
  alertPatterns: string[]
  riskLevel: 'low' | 'medium' | 'high'
  createdAt: string
  updatedAt: string
  version: number
}

export interface PolicyAction {
  type: 'auto_acknowledge' | 'set_severity' | 'notify' | 'request_human_review' | 'mark_inconclusive'
  severity?: string | null
  channel?: string | null
}

export interface Policy {
  id: string
  name: string
  description: string | null
  condition: string
  actions: PolicyAction[]
  mode: 'shadow' | 'enforce'
  enabled: boolean
  priority: number
  shadow: { decisions: number; judged: number; agreed: number; precision: number | null } | null
}

export interface PolicyCheck {
  valid: boolean
  error: string | null
  position: number | null
}

export interface Member {
  userId: string
  email: string
  fullName: string
  role: Role
  joinedAt: string
}

export interface Invitation {
  id: string
  email: string
  role: Role
  createdAt: string
  expiresAt: string
}

export interface Channel {
  id: string
  name: string
  type: 'webhook' | 'slack' | 'email'
  url: string | null
  to: string[] | null
  routing: { minSeverity: Severity | null; services: string[]; events: string[] }
  enabled: boolean
  hasSigningSecret: boolean | null
  signingSecret: string | null
  version: number
}

export interface Delivery {
  id: string
  eventType: string
  status: string
  attempts: number
  responseStatus: number | null
  lastError: string | null
  createdAt: string
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
