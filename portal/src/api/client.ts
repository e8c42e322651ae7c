import type { components } from './schema'
import type { Http } from './http'

type S = components['schemas']
export type Provider = S['Provider']
export type ProviderBody = S['ProviderBody']
export type Route = S['Route']
export type RouteTarget = S['RouteTarget']
export type RouteBody = S['RouteBody']
export type Key = S['Key']
export type IssuedKey = S['IssuedKey']
export type CreateKeyBody = S['CreateBody']
export type Usage = S['Usage']
export type AuditRecord = S['AuditRecord']
export type AuditVerification = S['AuditVerification']
export type Hedge = S['Hedge']
export type ProviderTest = S['ProviderTest']
export type Stats = S['Stats']
export type StatsPoint = S['StatsPoint']
export type ConfigEffective = S['ConfigEffective']

/** {@code GET /cache/stats}: numbers per tier (l1 always; l2/l3 when configured) and per route by outcome. */
export interface CacheStats {
  enabled: boolean
  tiers: Record<string, { hits: number; entries?: number; approx_bytes?: number; misses?: number; errors?: number; writes?: number; breaker?: string }>
  routes: Record<string, Record<string, number>>
  write_behind: { depth: number; completed: number; failures: number; dropped: number }
  corrupt_dropped: number
  in_flight: number
  latency_saved_ms_total: number
  cost_saved_usd: number
}
export interface CachePolicy {
  enabled: boolean
  min_ttl_seconds: number
  max_ttl_seconds: number
  retention_days: number
  rollout_percent: number
  deterministic_temperature: number
  pii_action: string
  routes: Record<string, { enabled: boolean; rollout_percent: number | null; deterministic: boolean; shared_namespace: boolean; max_ttl_seconds: number | null }>
}
export interface CacheEntry {
  hash: string
  tier: string
  route: string
  provider: string
  model: string
  created_at: string
  expires_at: string
  stop_reason: string
  input_tokens: number
  output_tokens: number
  streamed: boolean
  upstream_ms: number
  cost_usd: number
}
export type CostGroup = 'day' | 'provider' | 'model' | 'key'
export interface CostRow {
  [group: string]: string | number
  requests: number
  input_tokens: number
  output_tokens: number
  cost_usd: number
}
export interface Costs {
  from: string
  to: string
  group_by: CostGroup
  total_usd: number
  data: CostRow[]
}
export interface Forecast {
  method: string
  days: number
  total_usd: number
  low_usd: number
  high_usd: number
  slope_usd_per_day: number
  daily: { day: string; cost_usd: number; low_usd: number; high_usd: number }[]
  anomaly: { today_usd: number; moving_average_7d_usd: number; threshold_usd: number; firing: boolean }
}
export interface ModelPriceView {
  input_per_million: number
  output_per_million: number
  cache_read_per_million: number
  cache_write_per_million: number
}
export interface Prices {
  version: number
  updated_at: string
  updated_by: string
  prices: Record<string, ModelPriceView>
}

export interface Page<T> {
  data: T[]
  next_cursor?: string | null
}

const P = '/admin/v1'
const enc = encodeURIComponent

/** Every admin call the portal makes, typed by the OpenAPI document's schemas (src/api/schema.d.ts). */
export function createClient(http: Http) {
  return {
    providers: {
      list: (q: { cursor?: string | null; limit?: number } = {}) => http<S['ProviderPage']>('GET', `${P}/providers`, { query: q }),
      create: (body: ProviderBody) => http<Provider>('POST', `${P}/providers`, { body }),
      replace: (id: string, body: ProviderBody) => http<Provider>('PUT', `${P}/providers/${enc(id)}`, { body }),
      remove: (id: string) => http<void>('DELETE', `${P}/providers/${enc(id)}`),
      test: (id: string, model?: string) =>
        http<ProviderTest>('POST', `${P}/providers/${enc(id)}/test`, { body: model ? { model } : {} }),
    },
    routes: {
      list: (q: { cursor?: string | null; limit?: number } = {}) => http<S['RoutePage']>('GET', `${P}/routes`, { query: q }),
      create: (body: RouteBody) => http<Route>('POST', `${P}/routes`, { body }),
      replace: (pattern: string, body: RouteBody) => http<Route>('PUT', `${P}/routes/${enc(pattern)}`, { body }),
      remove: (pattern: string) => http<void>('DELETE', `${P}/routes/${enc(pattern)}`),
    },
    keys: {
      list: (q: { cursor?: string | null; limit?: number; status?: string; search?: string; scope?: string }) =>
        http<S['KeyPage']>('GET', `${P}/keys`, { query: q }),
      get: (id: string) => http<Key>('GET', `${P}/keys/${enc(id)}`),
      create: (body: CreateKeyBody) => http<IssuedKey>('POST', `${P}/keys`, { body }),
      rotate: (id: string, overlapSeconds: number) =>
        http<IssuedKey>('POST', `${P}/keys/${enc(id)}/rotate`, { body: { overlap_seconds: overlapSeconds } }),
      revoke: (id: string) => http<Key>('POST', `${P}/keys/${enc(id)}/revoke`),
      limits: (id: string, body: S['LimitsBody']) => http<Key>('PUT', `${P}/keys/${enc(id)}/limits`, { body }),
      usage: (id: string, q: { from?: string; to?: string; cursor?: string | null; limit?: number }) =>
        http<S['UsagePage']>('GET', `${P}/keys/${enc(id)}/usage`, { query: q }),
    },
    stats: (window: '1h' | '6h' | '24h') => http<Stats>('GET', `${P}/stats`, { query: { window } }),
    cache: {
      stats: () => http<CacheStats>('GET', `${P}/cache/stats`),
      entry: (hash: string) => http<CacheEntry>('GET', `${P}/cache/entries/${enc(hash)}`),
      invalidate: (scope: string, value?: string) =>
        http<{ namespace: string; version: string }>('POST', `${P}/cache/invalidate`, { body: { scope, value } }),
      policy: () => http<CachePolicy>('GET', `${P}/cache/policy`),
      updatePolicy: (body: Partial<Pick<CachePolicy, 'enabled' | 'min_ttl_seconds' | 'max_ttl_seconds' | 'rollout_percent'>>) =>
        http<CachePolicy>('PUT', `${P}/cache/policy`, { body }),
    },
    costs: {
      list: (q: { from?: string; to?: string; group_by: CostGroup }) => http<Costs>('GET', `${P}/costs`, { query: q }),
      csv: (q: { from?: string; to?: string; group_by: CostGroup }) =>
        http<string>('GET', `${P}/costs`, { query: { ...q, format: 'csv' }, text: true }),
      forecast: (days = 30) => http<Forecast>('GET', `${P}/costs/forecast`, { query: { days } }),
    },
    prices: {
      get: () => http<Prices>('GET', `${P}/prices`),
      put: (version: number, prices: Record<string, Partial<ModelPriceView>>) =>
        http<Prices>('PUT', `${P}/prices`, { body: { version, prices } }),
    },
    config: {
      effective: () => http<ConfigEffective>('GET', `${P}/config/effective`),
      patch: (version: number, settings: Record<string, string | null>) =>
        http<ConfigEffective>('PATCH', `${P}/config`, { body: { version, settings } }),
    },
    audit: {
      list: (q: { stream?: string; action?: string; actor?: string; target?: string; cursor?: string | null; limit?: number }) =>
        http<S['AuditRecordPage']>('GET', `${P}/audit`, { query: q }),
      verify: (stream?: string) => http<AuditVerification>('GET', `${P}/audit/verify`, { query: { stream } }),
    },
  }
}

export type Client = ReturnType<typeof createClient>
