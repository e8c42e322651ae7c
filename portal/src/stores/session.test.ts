import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { configureSession, useSessionStore } from './session'
import { localQueue, type SessionMessage, type TabSync } from '../session/tabSync'
import type { AuthApi, Tokens } from '../api/auth'
import { ApiError } from '../api/errors'

/** Tabs of one browser: a broadcast hub and one lock shared by all (as BroadcastChannel + Web Locks). */
function browser() {
  const listeners = new Set<{ tab: number; fn: (m: SessionMessage) => void }>()
  const lock = localQueue()
  return {
    tab(id: number): TabSync {
      return {
        post: (m) => listeners.forEach((l) => l.tab !== id && l.fn(structuredClone(m))),
        subscribe(fn) {
          const entry = { tab: id, fn }
          listeners.add(entry)
          return () => listeners.delete(entry)
        },
        withLock: (_name, fn) => lock(fn),
      }
    },
  }
}

/** The API's refresh rotation: each cookie works once; spending one twice revokes the session. */
function server() {
  const s = { cookie: null as string | null, spent: new Set<string>(), revoked: false, refreshes: 0, n: 0 }
  const tokens = (): Tokens => ({
    token_type: 'Bearer',
    access_token: `access-${++s.n}`,
    expires_in: 900,
    expires_at: '2026-12-03T09:00:00Z',
    refresh_expires_at: '2026-12-04T09:00:00Z',
    username: 'admin',
  })
  const api: AuthApi = {
    login: async (u, p) => {
      if (p !== 'pw') throw new ApiError({ kind: 'unauthorized', status: 401, message: 'wrong' })
      s.cookie = `c${s.n}`
      s.revoked = false
      return { ...tokens(), username: u }
    },
    refresh: async () => {
      s.refreshes++
      const presented = s.cookie
      await Promise.resolve()
      if (!presented || s.revoked) throw new ApiError({ kind: 'unauthorized', status: 401, message: 'no' })
      if (s.spent.has(presented)) {
        s.revoked = true
        throw new ApiError({ kind: 'unauthorized', status: 401, message: 'reuse' })
      }
      s.spent.add(presented)
      s.cookie = `c${s.n}`
      return tokens()
    },
    logout: async () => {
      s.revoked = true
      s.cookie = null
    },
  }
  return { s, api }
}

/** A tab: its own Pinia (its own memory) on the shared browser and server. */
function openTab(b: ReturnType<typeof browser>, api: AuthApi, id: number, clock: { t: number }) {
  setActivePinia(createPinia())
  const expired = { count: 0 }
  configureSession({ auth: api, sync: b.tab(id), now: () => ++clock.t, onExpired: () => expired.count++ })
  const store = useSessionStore()
  store.listen()
  return { store, expired }
}

describe('session store', () => {
  let clock: { t: number }
  beforeEach(() => {
    clock = { t: 0 }
  })

  it('login_shouldKeepTheTokenInMemoryOnly_andNeverInStorage', async () => {
    const { api } = server()
    const { store } = openTab(browser(), api, 1, clock)

    await store.login('admin', 'pw')

    expect(store.authenticated).toBe(true)
    expect(store.accessToken).toMatch(/^access-/)
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(0)
  })

  it('login_shouldReachEveryTab_whenOneTabLogsIn', async () => {
    const b = browser()
    const { api } = server()
    const a = openTab(b, api, 1, clock)
    const other = openTab(b, api, 2, clock)

    await a.store.login('admin', 'pw')

    expect(other.store.authenticated).toBe(true)
    expect(other.store.accessToken).toBe(a.store.accessToken)
  })

  it('logout_shouldSendEveryTabToLogin_whenOneTabLogsOut', async () => {
    const b = browser()
    const { api } = server()
    const a = openTab(b, api, 1, clock)
    const other = openTab(b, api, 2, clock)
    await a.store.login('admin', 'pw')

    await a.store.logout()

    expect(other.store.authenticated).toBe(false)
    expect(other.store.accessToken).toBeNull()
    expect(other.expired.count).toBe(1)
  })

  it('refresh_shouldSpendTheCookieOnce_whenTwoTabsRefreshAtTheSameTime', async () => {
    const b = browser()
    const srv = server()
    const a = openTab(b, srv.api, 1, clock)
    const other = openTab(b, srv.api, 2, clock)
    await a.store.login('admin', 'pw')

    const [ra, rb] = await Promise.all([a.store.refresh(), other.store.refresh()])

    expect([ra, rb]).toEqual([true, true])
    expect(srv.s.refreshes).toBe(1)
    expect(srv.s.revoked).toBe(false)
    expect(other.store.accessToken).toBe(a.store.accessToken)
  })

  it('refresh_shouldBeSharedWithinATab_whenManyCallsGet401AtOnce', async () => {
    const srv = server()
    const { store } = openTab(browser(), srv.api, 1, clock)
    await store.login('admin', 'pw')

    await Promise.all([store.refresh(), store.refresh(), store.refresh()])

    expect(srv.s.refreshes).toBe(1)
  })

  it('restore_shouldEndAnonymous_whenThereIsNoRefreshCookie', async () => {
    const { api } = server()
    const { store } = openTab(browser(), api, 1, clock)

    expect(await store.restore()).toBe(false)
    expect(store.status).toBe('anonymous')
  })
})
