/**
 * Optional Sentry-compatible error reporting: nothing is built or sent unless a DSN is configured at build time
 * (VITE_SENTRY_DSN, e.g. https://KEY@sentry.example.com/42). The event carries the error's name and message only,
 * never tokens or form values. The CSP's connect-src must allow the DSN's host for it to leave the page.
 */
export function sentryReporter(dsn: string | undefined): ((error: unknown) => void) | undefined {
  if (!dsn) return undefined
  const m = /^(https?):\/\/([^@]+)@([^/]+)\/(\d+)$/.exec(dsn)
  if (!m) return undefined
  const [, scheme, key, host, project] = m
  const url = `${scheme}://${host}/api/${project}/store/?sentry_version=7&sentry_key=${encodeURIComponent(key)}`
  return (error) => {
    const e = error instanceof Error ? error : new Error(String(error))
    void fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        platform: 'javascript',
        level: 'error',
        exception: { values: [{ type: e.name, value: e.message }] },
      }),
    }).catch(() => undefined)
  }
}
