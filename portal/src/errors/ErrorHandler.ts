import { ApiError } from '../api/errors'

export interface ErrorSinks {
  toast(kind: 'error' | 'warning', message: string, action?: { label: string; run: () => void }): void
  toLogin(): void
  /** Optional Sentry-compatible reporting; only called when a DSN is configured. */
  report?(error: unknown): void
}

export interface Handled {
  /** Field name -> message for a form to show next to its inputs. */
  fields: Record<string, string>
  /** The classified kind and message, for pages that react to one (a 409 reloads what was edited). */
  kind?: ApiError['kind']
  message?: string
}

/**
 * The one place that turns a failure into what the user sees: 401 -> login (the interceptor already tried one
 * refresh), 403 -> not allowed, 409 -> conflict, 400/422 -> the fields to mark, 429 -> slow down (after the
 * interceptor's backoff), 5xx and network loss -> a toast with retry. Anything else is a bug: reported, and a
 * generic toast.
 */
export class ErrorHandler {
  constructor(private readonly sinks: ErrorSinks) {}

  handle(error: unknown, retry?: () => void): Handled {
    const handled = this.classify(error, retry)
    return error instanceof ApiError ? { ...handled, kind: error.kind, message: error.message } : handled
  }

  private classify(error: unknown, retry?: () => void): Handled {
    if (!(error instanceof ApiError)) {
      this.sinks.report?.(error)
      this.sinks.toast('error', 'Something went wrong in the portal. Reload the page if it persists.')
      return { fields: {} }
    }
    const retryAction = retry ? { label: 'Retry', run: retry } : undefined
    switch (error.kind) {
      case 'unauthorized':
        this.sinks.toLogin()
        return { fields: {} }
      case 'forbidden':
        this.sinks.toast('error', `Not allowed: ${error.message}`)
        return { fields: {} }
      case 'conflict':
        this.sinks.toast('warning', `Conflict: ${error.message}. Reload and try again.`)
        return { fields: {} }
      case 'validation':
        if (Object.keys(error.fields).length === 0) this.sinks.toast('error', error.message)
        return { fields: error.fields }
      case 'not_found':
        this.sinks.toast('error', error.message)
        return { fields: {} }
      case 'rate_limited':
        this.sinks.toast(
          'warning',
          `Too many requests; try again in ${error.retryAfterSeconds ?? 'a few'} seconds.`,
          retryAction,
        )
        return { fields: {} }
      case 'network':
        this.sinks.toast('error', 'The admin API cannot be reached.', retryAction)
        return { fields: {} }
      case 'server':
        this.sinks.report?.(error)
        this.sinks.toast(
          'error',
          `The server failed (${error.status})${error.traceId ? `, trace ${error.traceId}` : ''}.`,
          retryAction,
        )
        return { fields: {} }
    }
  }
}
