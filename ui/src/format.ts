/** "just now", "4 min ago", "3 h ago", "2 d ago": how long ago an ISO instant was. */
export function ago(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) {
    return '—'
  }
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000))
  if (seconds < 45) {
    return 'just now'
  }
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) {
    return `${minutes} min ago`
  }
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`
}

/** "45 s", "12 min", "3.5 h": a duration in seconds as people say it. */
export function duration(seconds: number): string {
  if (seconds < 60) {
    return `${Math.round(seconds)} s`
  }
  const minutes = seconds / 60
  return minutes < 90 ? `${Math.round(minutes)} min` : `${(minutes / 60).toFixed(1)} h`
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`
}

export function humanState(state: string): string {
  return state.charAt(0) + state.slice(1).toLowerCase()
}

const ACTIONS: Record<string, string> = {
  ACKNOWLEDGED: 'Acknowledge',
  INVESTIGATING: 'Investigate',
  MITIGATED: 'Mark mitigated',
  RESOLVED: 'Resolve',
  INCONCLUSIVE: 'Mark inconclusive',
  LEARNED: 'Mark learned',
}

/** The button that moves an incident to a state: "Acknowledge", "Resolve"… */
export function actionFor(state: string, current: string): string {
  return state === 'INVESTIGATING' && (current === 'RESOLVED' || current === 'MITIGATED') ? 'Reopen investigation' : (ACTIONS[state] ?? humanState(state))
}

/** A refused request in one sentence: the problem's detail, then each field and what is wrong with it. */
export function problemText(error: { message: string; problem?: { errors?: { field: string; message: string }[] } }): string {
  return [error.message, ...(error.problem?.errors ?? []).map((field) => `${field.field} ${field.message}`)].join('; ')
}
