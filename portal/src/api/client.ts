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
    },
    routes: {
      list: (q: { cursor?: string | null; limit?: number } = {}) => http<S['RoutePage']>('GET', `${P}/routes`, { query: q }),
      create: (body: RouteBody) => http<Route>('POST', `${P}/routes`, { body }),
      replace: (pattern: string, body: RouteBody) => http<Route>('PUT', `${P}/routes/${enc(pattern)}`, { body }),
      remove: (pattern: string) => http<void>('DELETE', `${P}/routes/${enc(pattern)}`),
    },
    keys: {
      list: (q: { cursor?: string | null; limit?: number; status?: string; name?: string; scope?: string }) =>
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
    audit: {
      list: (q: { stream?: string; action?: string; actor?: string; target?: string; cursor?: string | null; limit?: number }) =>
        http<S['AuditRecordPage']>('GET', `${P}/audit`, { query: q }),
      verify: (stream?: string) => http<AuditVerification>('GET', `${P}/audit/verify`, { query: { stream } }),
    },
  }
}

export type Client = ReturnType<typeof createClient>
