// What the trail and the figures say: audit records, incident statistics, LLM usage.
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

/** One service as its readiness endpoint described it (`GET /api/v1/system/health`). */
export interface ServiceHealth {
  name: string
  status: 'UP' | 'DOWN' | 'UNREACHABLE'
  checks: { name: string; status: string }[]
  responseMillis: number | null
  error: string | null
}

export interface SystemHealth {
  status: 'UP' | 'DEGRADED' | 'DOWN'
  checkedAt: string
  services: ServiceHealth[]
  /** secondsBehind: the age of the oldest event the group has not processed, 0 when none. */
  pipeline: { group: string; lag: number | null; pending: number; readers: number; secondsBehind: number }[]
  pipelineError: string | null
}
