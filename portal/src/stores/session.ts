import { defineStore } from 'pinia'
import type { AuthApi, Tokens } from '../api/auth'
import type { SessionMessage, TabSync } from '../session/tabSync'

export type SessionStatus = 'unknown' | 'anonymous' | 'authenticated'

interface Deps {
  auth: AuthApi
  sync: TabSync
  now: () => number
  onExpired: () => void
}

let deps: Deps | null = null
let inflight: Promise<boolean> | null = null

/** Wires the store to the auth API and the other tabs (main.ts, and each unit test with its fakes). */
export function configureSession(d: Deps) {
  deps = d
  inflight = null
}

function need(): Deps {
  if (!deps) throw new Error('configureSession() was not called')
  return deps
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
  }),
  getters: {
    authenticated: (s) => s.status === 'authenticated',
  },
  actions: {
    /** Starts listening to the other tabs; returns the unsubscribe function. */
    listen(): () => void {
      return need().sync.subscribe((m) => this.apply(m))
    },
    apply(m: SessionMessage) {
      if (m.type === 'logout') {
        const was = this.status === 'authenticated'
        this.clear()
        if (was) need().onExpired()
        return
      }
      this.accessToken = m.accessToken
      this.username = m.username
      this.expiresAt = m.expiresAt
      this.status = 'authenticated'
      this.receivedAt = need().now()
    },
    adopt(t: Tokens, type: 'login' | 'refreshed') {
      const message: SessionMessage = {
        type,
        accessToken: t.access_token,
        username: t.username,
        expiresAt: t.expires_at,
      }
      this.apply(message)
      need().sync.post(message)
    },
    async login(username: string, password: string) {
      const t = await need().auth.login(username, password)
      this.adopt(t, 'login')
    },
    /**
     * One refresh for this tab at a time, and for all tabs one after the other; a tab that waited for the lock
     * while another refreshed takes that token instead of spending the (already rotated) cookie again.
     */
    refresh(): Promise<boolean> {
      if (inflight) return inflight
      const d = need()
      const started = d.now()
      inflight = d.sync
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
          inflight = null
        })
      return inflight
    },
    /** At start: resume the session from the refresh cookie, if there is one. */
    async restore(): Promise<boolean> {
      const ok = await this.refresh()
      if (!ok) this.status = 'anonymous'
      return ok
    },
    async logout() {
      const d = need()
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
