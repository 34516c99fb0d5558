import { api, post, refreshAccessToken } from './client'
import { rememberedProjectId, session, setSession } from './session'
import type { ProjectRole, User } from './types'

interface LoggedIn {
  accessToken: string
  user: User
  activeProjectId: string
  projects: ProjectRole[]
}

interface Registered {
  accessToken: string
  user: User
  project: ProjectRole
}

interface Me {
  user: User
  project: ProjectRole | null
  projects: ProjectRole[]
}

export async function login(email: string, password: string): Promise<void> {
  const answer = await post<LoggedIn>('/api/v1/auth/login', { email, password })
  setSession({ accessToken: answer.accessToken, user: answer.user, projectId: answer.activeProjectId, projects: answer.projects })
}

export async function register(email: string, password: string, fullName: string, tenantName: string): Promise<void> {
  const answer = await post<Registered>('/api/v1/auth/register', { email, password, fullName, tenantName })
  setSession({ accessToken: answer.accessToken, user: answer.user, projectId: answer.project.id, projects: [answer.project] })
}

export async function logout(): Promise<void> {
  await post<void>('/api/v1/auth/logout').catch(() => undefined)
  setSession(null)
}

/** A reload or a new tab has no token (it lives in memory only), but may hold the refresh cookie of a live session. */
export async function resumeSession(): Promise<boolean> {
  if (session.current) {
    return true
  }
  const placeholder = { accessToken: '', user: { id: '', email: '', fullName: '' }, projectId: '', projects: [] }
  setSession(placeholder)
  if (!(await refreshAccessToken())) {
    return false
  }
  const remembered = rememberedProjectId()
  const me = await api<Me>('/api/v1/auth/me')
  setSession({ ...session.current!, user: me.user, projectId: me.project?.id ?? '', projects: me.projects })
  // The refresh cookie knows the project signed in to; come back to the one this tab last worked in.
  if (remembered && remembered !== me.project?.id && me.projects.some((project) => project.id === remembered)) {
    await switchProject(remembered).catch(() => undefined)
  }
  return true
}

/** A token for another project of the same person; the refresh cookie stays as it is. */
export async function switchProject(projectId: string): Promise<void> {
  const answer = await post<{ accessToken: string }>('/api/v1/auth/switch-project', { projectId })
  setSession({ ...session.current!, accessToken: answer.accessToken, projectId })
}
