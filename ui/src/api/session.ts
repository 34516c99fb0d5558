import { reactive } from 'vue'
import type { ProjectRole, Role, User } from './types'

/** Who is signed in, in which project. The access token lives only in this tab's memory and storage. */
export interface Session {
  accessToken: string
  user: User
  projectId: string
  projects: ProjectRole[]
}

const STORAGE_KEY = 'sre.session'
const ROLE_ORDER: Role[] = ['viewer', 'engineer', 'admin', 'owner']

export const session = reactive<{ current: Session | null }>({ current: load() })

export function setSession(next: Session | null): void {
  session.current = next
  if (next) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  } else {
    sessionStorage.removeItem(STORAGE_KEY)
  }
}

export function setAccessToken(accessToken: string): void {
  if (session.current) {
    setSession({ ...session.current, accessToken })
  }
}

export function activeProject(): ProjectRole | undefined {
  return session.current?.projects.find((project) => project.id === session.current?.projectId)
}

/** Whether the signed-in user's role in the active project includes {@code role}. */
export function can(role: Role): boolean {
  const mine = activeProject()?.role
  return mine !== undefined && ROLE_ORDER.indexOf(mine) >= ROLE_ORDER.indexOf(role)
}

function load(): Session | null {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY)
    return stored ? (JSON.parse(stored) as Session) : null
  } catch {
    return null
  }
}
