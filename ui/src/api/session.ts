import { reactive } from 'vue'
import type { ProjectRole, Role, User } from './types'

/**
 * Who is signed in, in which project. The access token lives only in this page's memory: a reload or
 * a new tab gets a fresh one through the refresh cookie (auth.ts, resumeSession). Only the project
 * last worked in is remembered in this tab, so a reload comes back to it.
 */
export interface Session {
  accessToken: string
  user: User
  projectId: string
  projects: ProjectRole[]
}

const PROJECT_KEY = 'sre.project'
const ROLE_ORDER: Role[] = ['viewer', 'engineer', 'admin', 'owner']

export const session = reactive<{ current: Session | null }>({ current: null })

export function setSession(next: Session | null): void {
  session.current = next
  if (next?.projectId) {
    sessionStorage.setItem(PROJECT_KEY, next.projectId)
  } else if (!next) {
    sessionStorage.removeItem(PROJECT_KEY)
  }
}

/** The project this tab last worked in, to return to after a reload (never a secret). */
export function rememberedProjectId(): string | null {
  return sessionStorage.getItem(PROJECT_KEY)
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
