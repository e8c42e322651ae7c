import type { Router } from 'vue-router'
import { createAuthApi } from './api/auth'
import { createClient, type Client } from './api/client'
import { createHttp } from './api/http'
import { ErrorHandler } from './errors/ErrorHandler'
import { sentryReporter } from './errors/report'
import { configureSession, useSessionStore } from './stores/session'
import { useToastStore } from './stores/toasts'
import { browserTabSync } from './session/tabSync'

/** The API base: same origin by default (the local server and CloudFront both serve /admin/v1 beside /portal/). */
const API_BASE = import.meta.env.VITE_API_BASE ?? ''

let client: Client | null = null
let handler: ErrorHandler | null = null

/** Builds the API client, the session wiring and the one ErrorHandler (after Pinia is installed). */
export function setupServices(router: Router) {
  const toLogin = () => {
    if (router.currentRoute.value.name !== 'login') {
      void router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath } })
    }
  }
  configureSession({
    auth: createAuthApi(API_BASE),
    sync: browserTabSync(),
    now: () => performance.timeOrigin + performance.now(),
    onExpired: toLogin,
  })
  const session = useSessionStore()
  const toasts = useToastStore()
  client = createClient(
    createHttp(
      {
        accessToken: () => session.accessToken,
        refresh: () => session.refresh(),
        expired: () => {
          session.clear()
          toLogin()
        },
      },
      { baseUrl: API_BASE },
    ),
  )
  handler = new ErrorHandler({
    toast: (kind, message, action) => toasts.push({ kind, message, action }),
    toLogin,
    report: sentryReporter(import.meta.env.VITE_SENTRY_DSN),
  })
  return { session, handler }
}

export function api(): Client {
  if (!client) throw new Error('setupServices() was not called')
  return client
}

export function errors(): ErrorHandler {
  if (!handler) throw new Error('setupServices() was not called')
  return handler
}

/**
 * Runs an action; a failure goes to the ErrorHandler and yields field errors. {@code retry} (a page's whole load,
 * so its result lands on the page again) becomes the toast's Retry button; changes pass none, so a click never
 * submits twice.
 */
export async function attempt<T>(
  fn: () => Promise<T>,
  retry?: () => void,
): Promise<{ ok: true; value: T } | { ok: false; fields: Record<string, string>; kind?: string; message?: string }> {
  try {
    return { ok: true, value: await fn() }
  } catch (e) {
    const { fields, kind, message } = errors().handle(e, retry)
    return { ok: false, fields, kind, message }
  }
}
