// What admins set up: integrations, keys, changes, runbooks, policies, members, channels.
import type { Role, Severity } from './types'

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

/** A project API key as listed (its secret is never shown again after creation). */
export interface ApiKey {
  id: string
  name: string
  prefix: string
  scopes: string[]
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

/** How incidents correlate in the project (`/api/v1/incidents/settings`). */
export interface IncidentSettings {
  correlationWindowSeconds: number
  autoResolve: boolean
  updatedAt: string | null
}

/** How long the tenant's audit trail is kept (`/api/v1/audit/retention`, owners). */
export interface Retention {
  days: number
  custom: boolean
}
