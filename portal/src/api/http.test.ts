import { describe, expect, it } from 'vitest'
import { createHttp, type SessionPort } from './http'
import { ApiError } from './errors'

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

/** A scripted server: answers in order, records what it was sent. */
function server(...answers: (Response | Error)[]) {
  const seen: { url: string; auth: string | null }[] = []
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push({ url, auth: new Headers(init.headers).get('authorization') })
    const next = answers.shift()
    if (!next) throw new Error('no more answers')
    if (next instanceof Error) throw next
    return next
  }) as unknown as typeof globalThis.fetch
  return { fetch, seen }
}

function session(refreshOk: boolean) {
  const s = { token: 'old', refreshes: 0, expired: 0 }
  const port: SessionPort = {
    accessToken: () => s.token,
    refresh: async () => {
      s.refreshes++
      if (refreshOk) s.token = 'new'
      return refreshOk
    },
    expired: () => {
      s.expired++
    },
  }
  return { s, port }
}

describe('createHttp', () => {
  it('request_shouldAnswerTheBodyAsText_whenAskedForText', async () => {
    const srv = server(new Response('day,requests\r\n2026-04-01,3\r\n', { status: 200, headers: { 'content-type': 'text/csv' } }))
    const http = createHttp(session(true).port, { fetch: srv.fetch })
    const text = await http<string>('GET', '/admin/v1/costs', { query: { format: 'csv' }, text: true })
    expect(text).toBe('day,requests\r\n2026-04-01,3\r\n')
    expect(srv.seen[0].url).toBe('/admin/v1/costs?format=csv')
  })

  it('request_shouldRefreshOnceAndReplay_when401', async () => {
    const srv = server(json(401, { message: 'expired' }), json(200, { data: [] }))
    const { s, port } = session(true)

    const body = await createHttp(port, { fetch: srv.fetch })('GET', '/admin/v1/keys')

    expect(body).toEqual({ data: [] })
    expect(s.refreshes).toBe(1)
    expect(srv.seen.map((x) => x.auth)).toEqual(['Bearer old', 'Bearer new'])
  })

  it('request_shouldEndTheSession_whenTheRefreshFails', async () => {
    const srv = server(json(401, { message: 'expired' }))
    const { s, port } = session(false)

    await expect(createHttp(port, { fetch: srv.fetch })('GET', '/x')).rejects.toMatchObject({ kind: 'unauthorized' })
    expect(s.expired).toBe(1)
  })

  it('request_shouldNotRefreshTwice_whenTheReplayIsAlso401', async () => {
    const srv = server(json(401, {}), json(401, {}))
    const { s, port } = session(true)

    await expect(createHttp(port, { fetch: srv.fetch })('GET', '/x')).rejects.toBeInstanceOf(ApiError)
    expect(s.refreshes).toBe(1)
    expect(s.expired).toBe(1)
  })

  it('request_shouldWaitTheServersRetryAfter_when429', async () => {
    const srv = server(json(429, { message: 'slow' }, { 'retry-after': '3' }), json(200, { ok: true }))
    const waits: number[] = []

    const body = await createHttp(session(true).port, { fetch: srv.fetch, sleep: async (ms) => void waits.push(ms) })('GET', '/x')

    expect(body).toEqual({ ok: true })
    expect(waits).toEqual([3000])
  })

  it('request_shouldGiveUpWithRetryAfter_whenStill429AfterTheRetries', async () => {
    const srv = server(...[1, 2, 3].map(() => json(429, { message: 'slow' }, { 'retry-after': '60' })))
    const waits: number[] = []

    const error = await createHttp(session(true).port, { fetch: srv.fetch, sleep: async (ms) => void waits.push(ms) })('GET', '/x').catch((e) => e)

    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 60 })
    expect(waits).toEqual([10000, 10000])
  })

  it('request_shouldClassifyNetworkLoss_whenFetchThrows', async () => {
    const srv = server(new TypeError('Failed to fetch'))

    await expect(createHttp(session(true).port, { fetch: srv.fetch })('GET', '/x')).rejects.toMatchObject({ kind: 'network', status: null })
  })

  it('request_shouldCarryFieldsAndTrace_when400', async () => {
    const srv = server(json(400, { message: "invalid value for 'base_url'", trace_id: 'trace-1' }))

    const error = await createHttp(session(true).port, { fetch: srv.fetch })('POST', '/x', { body: {} }).catch((e) => e)

    expect(error).toMatchObject({ kind: 'validation', traceId: 'trace-1', fields: { base_url: "invalid value for 'base_url'" } })
  })

  it('request_shouldSendTheQueryWithoutEmptyValues', async () => {
    const srv = server(json(200, {}))

    await createHttp(session(true).port, { fetch: srv.fetch, baseUrl: 'http://h' })('GET', '/k', { query: { a: 'x y', b: '', c: undefined, d: 2 } })

    expect(srv.seen[0].url).toBe('http://h/k?a=x+y&d=2')
  })
})
