import { api } from './client'
import type { SystemHealth } from './reports'

/** Consumers whose delay people feel on the incident list: incidents opens them, ai analyses them. */
const FELT = ['incidents', 'ai']

/** The consumer that is latest, of those that bring incidents and analyses to people, and by how much. */
export async function pipelineLateness(): Promise<{ group: string; secondsBehind: number } | null> {
  const health = await api<SystemHealth>('/api/v1/system/health')
  const felt = health.pipeline.filter((group) => FELT.includes(group.group))
  if (!felt.length) return null
  const latest = felt.reduce((a, b) => (b.secondsBehind > a.secondsBehind ? b : a))
  return { group: latest.group, secondsBehind: latest.secondsBehind }
}
