/** What went wrong with an admin API call, classified once for the whole portal. */
export type ErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'network'

/** The admin API's error body: {code, message, trace_id, retriable, category}. */
export interface ErrorBody {
  code?: string
  message?: string
  trace_id?: string
  retriable?: boolean
  category?: string
}

export class ApiError extends Error {
  readonly kind: ErrorKind
  readonly status: number | null
  readonly traceId: string | null
  readonly retryAfterSeconds: number | null
  /** Field name -> message, for 400/422 answers that name a field. */
  readonly fields: Record<string, string>

  constructor(init: {
    kind: ErrorKind
    status: number | null
    message: string
    traceId?: string | null
    retryAfterSeconds?: number | null
    fields?: Record<string, string>
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.kind = init.kind
    this.status = init.status
    this.traceId = init.traceId ?? null
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
    this.fields = init.fields ?? {}
  }
}

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation',
  429: 'rate_limited',
}

/** The kind of an HTTP status (5xx and anything unknown count as server errors). */
export function kindOf(status: number): ErrorKind {
  return KIND_BY_STATUS[status] ?? 'server'
}

/**
 * The fields a validation message names. The API names them in quotes ("unknown field 'x'", "invalid value for
 * 'base_url'") or starts the sentence with them ("name is required", "scopes must name at least one scope").
 */
export function fieldsOf(message: string, known: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {}
  // config rules: "providers[x].base_url: is not a valid URL; routes[y].targets[0].weight: must not be negative"
  for (const part of message.split('; ')) {
    const m = /^([a-z_][\w-]*(?:\[[^\]]*\])?(?:\.[a-z_]\w*(?:\[[^\]]*\])?)+): (.+)$/i.exec(part)
    if (m) {
      const name = (m[1].split('.').pop() as string).replace(/\[[^\]]*\]$/, '')
      out[name] = m[2]
    }
  }
  for (const m of message.matchAll(/'([a-z_][a-z0-9_.[\]]*)'/gi)) {
    const name = m[1].replace(/\[\d+\]/g, '').split('.').pop() as string
    out[name] = message
  }
  const first = /^([a-z_][a-z0-9_]*)\b/i.exec(message)?.[1]
  if (first && known.includes(first)) {
    out[first] = message
  }
  for (const k of known) {
    if (new RegExp(`\\b${k}\\b`).test(message) && !(k in out)) {
      out[k] = message
    }
  }
  return out
}

/** The seconds of a Retry-After header (delta-seconds or an HTTP date), or null. */
export function retryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

/** The ApiError of an answer that was not a success. */
export function fromResponse(status: number, body: ErrorBody | null, retryAfterHeader: string | null): ApiError {
  const kind = kindOf(status)
  const message = body?.message ?? `request failed (${status})`
  return new ApiError({
    kind,
    status,
    message,
    traceId: body?.trace_id ?? null,
    retryAfterSeconds: retryAfter(retryAfterHeader),
    fields: kind === 'validation' ? fieldsOf(message) : {},
  })
}
