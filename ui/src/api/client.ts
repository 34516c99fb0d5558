import type { Problem } from './types'
import { session, setAccessToken, setSession } from './session'

/** A failed call, with the problem+json the service answered. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title)
  }

  /** The message for one field, for forms. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message
  }
}

let refreshing: Promise<boolean> | null = null

/**
 * Calls the API with the session's token. On a 401 it refreshes the token once (the refresh
 * cookie is HttpOnly) and retries; if that fails the session is over.
 */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response = await send(path, init)
  if (response.status === 401 && session.current && (await refreshAccessToken())) {
    response = await send(path, init)
  }
  if (!response.ok) {
    throw await toError(response)
  }
  return (response.status === 204 ? undefined : await response.json()) as T
}

/** A file the API streams (an export), as a Blob, with the same token handling as {@link api}. */
export async function download(path: string): Promise<Blob> {
  let response = await send(path, {})
  if (response.status === 401 && session.current && (await refreshAccessToken())) {
    response = await send(path, {})
  }
  if (!response.ok) {
    throw await toError(response)
  }
  return response.blob()
}

export function post<T>(path: string, body?: unknown): Promise<T> {
  return api<T>(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })
}

/** One refresh at a time, however many calls failed together. */
export function refreshAccessToken(): Promise<boolean> {
  refreshing ??= fetch('/api/v1/auth/refresh', { method: 'POST', credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok) {
        setSession(null)
        return false
      }
      setAccessToken(((await response.json()) as { accessToken: string }).accessToken)
      return true
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null
    })
  return refreshing
}

function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('Accept', 'application/json, application/problem+json')
  if (init.body !== undefined) {
    headers.set('Content-Type', 'application/json')
  }
  if (session.current) {
    headers.set('Authorization', `Bearer ${session.current.accessToken}`)
  }
  return fetch(path, { ...init, headers, credentials: 'same-origin' })
}

async function toError(response: Response): Promise<ApiError> {
  try {
    return new ApiError(response.status, (await response.json()) as Problem)
  } catch {
    return new ApiError(response.status, { type: 'about:blank', title: response.statusText, status: response.status })
  }
}
