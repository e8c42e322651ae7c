import { ApiError, fromResponse, type ErrorBody } from './errors'

/** What the interceptor needs from the session (the session store implements it). */
export interface SessionPort {
  accessToken(): string | null
  /** Refreshes the access token once for every tab; false when the session is over. */
  refresh(): Promise<boolean>
  /** The session is over (refresh failed): go to the login page. */
  expired(): void
}

export interface HttpOptions {
  fetch?: typeof fetch
  baseUrl?: string
  sleep?: (ms: number) => Promise<void>
  /** How often a 429 is waited out before the error reaches the caller. */
  maxRateLimitRetries?: number
  /** The longest single wait for a retry-after, in seconds. */
  maxRetryAfterSeconds?: number
}

export interface RequestOptions {
  body?: unknown
  query?: Record<string, string | number | boolean | undefined | null>
  /** Answer the body as text (CSV exports) instead of parsing JSON. */
  text?: boolean
}

export type Http = <T>(method: string, path: string, options?: RequestOptions) => Promise<T>

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The one interceptor of every admin API call: adds the bearer token; on 401 refreshes once (shared by all tabs)
 * and replays, else ends the session; waits out 429 with the server's retry-after (bounded); turns every failure,
 * network loss included, into an {@link ApiError} for the one ErrorHandler.
 */
export function createHttp(session: SessionPort, options: HttpOptions = {}): Http {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  const sleep = options.sleep ?? sleepReal
  const base = options.baseUrl ?? ''
  const maxRetries = options.maxRateLimitRetries ?? 2
  const maxWait = options.maxRetryAfterSeconds ?? 10

  async function send(method: string, url: string, body: unknown, text = false): Promise<Response> {
    const headers: Record<string, string> = { accept: text ? 'text/csv, application/json' : 'application/json' }
    const token = session.accessToken()
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    try {
      return await doFetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      })
    } catch {
      throw new ApiError({ kind: 'network', status: null, message: 'the admin API cannot be reached' })
    }
  }

  return async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const url = base + path + queryString(opts.query)
    let refreshed = false
    let rateLimited = 0
    for (;;) {
      const res = await send(method, url, opts.body, opts.text)
      if (res.ok) {
        if (res.status === 204) return undefined as T
        if (opts.text) return (await res.text()) as T
        return (await res.json()) as T
      }
      const error = fromResponse(res.status, await errorBody(res), res.headers.get('retry-after'))
      if (error.kind === 'unauthorized' && !refreshed) {
        refreshed = true
        if (await session.refresh()) continue
        session.expired()
        throw error
      }
      if (error.kind === 'unauthorized') {
        session.expired()
        throw error
      }
      if (error.kind === 'rate_limited' && rateLimited < maxRetries) {
        rateLimited++
        const wait = Math.min(maxWait, error.retryAfterSeconds ?? 2 ** rateLimited)
        await sleep(wait * 1000)
        continue
      }
      throw error
    }
  }
}

async function errorBody(res: Response): Promise<ErrorBody | null> {
  try {
    return (await res.json()) as ErrorBody
  } catch {
    return null
  }
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
