import { describe, expect, it } from 'vitest'
import { ErrorHandler } from './ErrorHandler'
import { ApiError, fieldsOf, retryAfter, type ErrorKind } from '../api/errors'

function sinks() {
  const out = { toasts: [] as { kind: string; message: string; action?: string }[], logins: 0, reports: 0 }
  const handler = new ErrorHandler({
    toast: (kind, message, action) => out.toasts.push({ kind, message, action: action?.label }),
    toLogin: () => out.logins++,
    report: () => out.reports++,
  })
  return { out, handler }
}
const err = (kind: ErrorKind, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ kind, status: 500, message: 'm', ...extra })

describe('ErrorHandler', () => {
  it('handle_shouldTellTheKindAndMessage_when409', () => {
    const { out, handler } = sinks()
    const handled = handler.handle(err('conflict', { status: 409, message: 'version conflict: at 4' }))
    expect(handled).toEqual({ fields: {}, kind: 'conflict', message: 'version conflict: at 4' })
    expect(out.toasts).toEqual([{ kind: 'warning', message: 'Conflict: version conflict: at 4. Reload and try again.', action: undefined }])
  })

  it('handle_shouldNameNoKind_whenTheErrorIsNotFromTheApi', () => {
    const { out, handler } = sinks()
    expect(handler.handle(new TypeError('x'))).toEqual({ fields: {} })
    expect(out.reports).toBe(1)
  })

  it('fieldsOf_shouldNameTheHedgeFields_whenTheConfigRulesRefuseThem', () => {
    expect(fieldsOf('routes[0].hedge.delay: must be a positive duration such as 500ms, 5s, 2m or PT1M')).toEqual({
      delay: 'must be a positive duration such as 500ms, 5s, 2m or PT1M',
    })
    expect(fieldsOf('route.hedge.enabled: hedging needs a second target to race')).toEqual({
      enabled: 'hedging needs a second target to race',
    })
  })

  it('handle_shouldGoToLogin_when401', () => {
    const { out, handler } = sinks()
    handler.handle(err('unauthorized'))
    expect(out.logins).toBe(1)
    expect(out.toasts).toEqual([])
  })

  it('handle_shouldReturnTheFields_when400NamesThem', () => {
    const { out, handler } = sinks()
    const r = handler.handle(err('validation', { fields: { name: 'name is required' } }))
    expect(r.fields).toEqual({ name: 'name is required' })
    expect(out.toasts).toEqual([])
  })

  it('handle_shouldToast_when400NamesNoField', () => {
    const { out, handler } = sinks()
    handler.handle(err('validation', { message: 'the body is not valid JSON' }))
    expect(out.toasts).toEqual([{ kind: 'error', message: 'the body is not valid JSON', action: undefined }])
  })

  it.each([
    ['forbidden', 'error', 'Not allowed: m'],
    ['conflict', 'warning', 'Conflict: m. Reload and try again.'],
    ['not_found', 'error', 'm'],
  ] as const)('handle_shouldToast_when%s', (kind, toastKind, message) => {
    const { out, handler } = sinks()
    handler.handle(err(kind), () => {})
    expect(out.toasts).toEqual([{ kind: toastKind, message, action: undefined }])
  })

  it('handle_shouldOfferRetryAndReport_when5xx', () => {
    const { out, handler } = sinks()
    handler.handle(err('server', { status: 503, traceId: 't-1' }), () => {})
    expect(out.toasts).toEqual([{ kind: 'error', message: 'The server failed (503), trace t-1.', action: 'Retry' }])
    expect(out.reports).toBe(1)
  })

  it('handle_shouldOfferRetry_whenTheNetworkIsLost', () => {
    const { out, handler } = sinks()
    handler.handle(err('network', { status: null }), () => {})
    expect(out.toasts[0]).toMatchObject({ message: 'The admin API cannot be reached.', action: 'Retry' })
  })

  it('handle_shouldSayWhenToRetry_when429', () => {
    const { out, handler } = sinks()
    handler.handle(err('rate_limited', { retryAfterSeconds: 7 }))
    expect(out.toasts[0].message).toBe('Too many requests; try again in 7 seconds.')
  })

  it('handle_shouldReportAndToast_whenTheErrorIsNotFromTheApi', () => {
    const { out, handler } = sinks()
    handler.handle(new TypeError('x is undefined'))
    expect(out.reports).toBe(1)
    expect(out.toasts).toHaveLength(1)
  })
})

describe('errors helpers', () => {
  it('fieldsOf_shouldFindQuotedAndLeadingFieldNames', () => {
    expect(fieldsOf("unknown field 'nmae'")).toEqual({ nmae: "unknown field 'nmae'" })
    expect(fieldsOf('name is required (at most 100 characters)', ['name', 'scopes'])).toEqual({
      name: 'name is required (at most 100 characters)',
    })
    expect(fieldsOf('routes[x].targets[0].provider: must name a provider; routes[x].targets[0].weight: must not be negative')).toEqual({
      provider: 'must name a provider',
      weight: 'must not be negative',
    })
    expect(fieldsOf('providers[p1].base_url: is not a valid URL')).toEqual({ base_url: 'is not a valid URL' })
  })

  it('retryAfter_shouldReadSecondsAndDates', () => {
    expect(retryAfter('5')).toBe(5)
    expect(retryAfter('Thu, 03 Dec 2026 08:00:10 GMT', Date.parse('2026-12-03T08:00:00Z'))).toBe(10)
    expect(retryAfter('soon')).toBeNull()
    expect(retryAfter(null)).toBeNull()
  })
})
