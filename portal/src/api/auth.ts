import type { components } from './schema'
import { ApiError, fromResponse, type ErrorBody } from './errors'

export type Tokens = components['schemas']['Tokens']

/**
 * Login, refresh and logout in the API's cookie mode: the refresh token lives in an HttpOnly, Secure,
 * SameSite=Strict cookie scoped to /admin/v1/auth that no script here can read; the access token comes back in the
 * body and is kept in memory only.
 */
export interface AuthApi {
  login(username: string, password: string): Promise<Tokens>
  refresh(): Promise<Tokens>
  logout(): Promise<void>
}

export function createAuthApi(baseUrl = '', doFetch: typeof fetch = (i, init) => fetch(i, init)): AuthApi {
  async function post(path: string, body?: unknown): Promise<Response> {
    try {
      return await doFetch(`${baseUrl}/admin/v1/auth/${path}`, {
        method: 'POST',
        credentials: 'include',
        headers: {
          'x-portbroker-refresh': 'cookie',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch {
      throw new ApiError({ kind: 'network', status: null, message: 'the admin API cannot be reached' })
    }
  }
  async function tokens(res: Response): Promise<Tokens> {
    if (res.ok) return (await res.json()) as Tokens
    let body: ErrorBody | null = null
    try {
      body = (await res.json()) as ErrorBody
    } catch {
      body = null
    }
    throw fromResponse(res.status, body, res.headers.get('retry-after'))
  }
  return {
    login: async (username, password) => tokens(await post('login', { username, password })),
    refresh: async () => tokens(await post('refresh')),
    logout: async () => {
      await post('logout')
    },
  }
}
