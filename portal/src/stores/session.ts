import { defineStore } from 'pinia'
import { markRaw } from 'vue'
import type { AuthApi, Tokens } from '../api/auth'
import type { SessionMessage, TabSync } from '../session/tabSync'

export type SessionStatus = 'unknown' | 'anonymous' | 'authenticated'

export interface SessionDeps {
  auth: AuthApi
  sync: TabSync
  now: () => number
  onExpired: () => void
}

/** Wires this tab's store to the auth API and the other tabs (main.ts; each unit test with its fakes). */
export function configureSession(d: SessionDeps) {
  useSessionStore().configure(d)
}

/** What the store works with, kept out of reactivity (one per tab, i.e. per Pinia). */
interface Wiring {
  deps: SessionDeps | null
  inflight: Promise<boolean> | null
}

/**
 * The admin session: the access token in memory only (never localStorage), the refresh token in the API's
 * HttpOnly cookie. Login, refresh and logout reach every tab over a BroadcastChannel, and a refresh runs under a
 * Web Lock so that two tabs never spend the same refresh token (the API revokes the whole session on reuse).
 */
export const useSessionStore = defineStore('session', {
  state: () => ({
    status: 'unknown' as SessionStatus,
    accessToken: null as string | null,
    username: null as string | null,
    expiresAt: null as string | null,
    /** When this tab last got a token (its own or another tab's): a refresh started earlier is not needed. */
    receivedAt: 0,
    wiring: markRaw({ deps: null, inflight: null } as Wiring),
  }),
  getters: {
    authenticated: (s) => s.status === 'authenticated',
  },
  actions: {
    configure(d: SessionDeps) {
      this.wiring.deps = d
      this.wiring.inflight = null
    },
    need(): SessionDeps {
      if (!this.wiring.deps) throw new Error('configureSession() was not called')
      return this.wiring.deps
    },
    /** Starts listening to the other tabs; returns the unsubscribe function. */
    listen(): () => void {
      return this.need().sync.subscribe((m) => this.apply(m))
    },
    apply(m: SessionMessage) {
      if (m.type === 'logout') {
        const was = this.status === 'authenticated'
        this.clear()
        if (was) this.need().onExpired()
        return
      }
      this.accessToken = m.accessToken
      this.username = m.username
      this.expiresAt = m.expiresAt
      this.status = 'authenticated'
      this.receivedAt = this.need().now()
    },
    adopt(t: Tokens, type: 'login' | 'refreshed') {
      const message: SessionMessage = {
        type,
        accessToken: t.access_token,
        username: t.username,
        expiresAt: t.expires_at,
      }
      this.apply(message)
      this.need().sync.post(message)
    },
    async login(username: string, password: string) {
      const t = await this.need().auth.login(username, password)
      this.adopt(t, 'login')
    },
    /**
     * One refresh for this tab at a time, and for all tabs one after the other; a tab that waited for the lock
     * while another refreshed takes that token instead of spending the (already rotated) cookie again.
     */
    refresh(): Promise<boolean> {
      const w = this.wiring
      if (w.inflight) return w.inflight
      const d = this.need()
      const started = d.now()
      w.inflight = d.sync
        .withLock('portbroker-refresh', async () => {
          if (this.accessToken && this.receivedAt > started) return true
          try {
            this.adopt(await d.auth.refresh(), 'refreshed')
            return true
          } catch {
            this.clear()
            return false
          }
        })
        .finally(() => {
          w.inflight = null
        })
      return w.inflight
    },
    /** At start: resume the session from the refresh cookie, if there is one. */
    async restore(): Promise<boolean> {
      const ok = await this.refresh()
      if (!ok) this.status = 'anonymous'
      return ok
    },
    async logout() {
      const d = this.need()
      try {
        await d.auth.logout()
      } finally {
        this.clear()
        d.sync.post({ type: 'logout' })
      }
    },
    clear() {
      this.accessToken = null
      this.username = null
      this.expiresAt = null
      this.status = 'anonymous'
    },
  },
})
