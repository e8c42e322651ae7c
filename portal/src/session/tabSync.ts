/** Messages every tab of the portal hears about the shared session. */
export type SessionMessage =
  | { type: 'login' | 'refreshed'; accessToken: string; username: string; expiresAt: string }
  | { type: 'logout' }

/** The tabs of one browser: a broadcast channel and a lock that only one tab holds at a time. */
export interface TabSync {
  post(message: SessionMessage): void
  subscribe(listener: (message: SessionMessage) => void): () => void
  /** Runs fn while holding the named lock across every tab (Web Locks; a local queue where there are none). */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>
}

const CHANNEL = 'portbroker-session'

export function browserTabSync(): TabSync {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL)
  const local = localQueue()
  return {
    post: (message) => channel?.postMessage(message),
    subscribe(listener) {
      if (!channel) return () => {}
      const handler = (e: MessageEvent<SessionMessage>) => listener(e.data)
      channel.addEventListener('message', handler)
      return () => channel.removeEventListener('message', handler)
    },
    withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
      return locks ? (locks.request(name, fn) as Promise<T>) : local(fn)
    },
  }
}

/** A queue that runs one function at a time (same tab only). */
export function localQueue() {
  let tail: Promise<unknown> = Promise.resolve()
  return function run<T>(fn: () => Promise<T>): Promise<T> {
    const next = tail.then(fn, fn)
    tail = next.catch(() => undefined)
    return next
  }
}
