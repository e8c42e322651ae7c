import { defineStore } from 'pinia'
import { api, attempt } from '../services'
import type { Provider, ProviderBody, Route, RouteBody } from '../api/client'

/** Providers and routes (small lists the API pages by id; read whole, 100 per call). */
export const useCatalogStore = defineStore('catalog', {
  state: () => ({
    providers: [] as Provider[],
    routes: [] as Route[],
    loading: false,
    loaded: false,
  }),
  actions: {
    async load() {
      this.loading = true
      const r = await attempt(async () => {
        const providers: Provider[] = []
        let cursor: string | null | undefined = null
        do {
          const page = await api().providers.list({ cursor, limit: 100 })
          providers.push(...page.data)
          cursor = page.next_cursor
        } while (cursor)
        const routes: Route[] = []
        cursor = null
        do {
          const page = await api().routes.list({ cursor, limit: 100 })
          routes.push(...page.data)
          cursor = page.next_cursor
        } while (cursor)
        return { providers, routes }
      }, () => void this.load())
      if (r.ok) {
        this.providers = r.value.providers
        this.routes = r.value.routes
        this.loaded = true
      }
      this.loading = false
    },
    async saveProvider(body: ProviderBody, existing: boolean) {
      const r = await attempt(() => (existing ? api().providers.replace(body.id ?? '', body) : api().providers.create(body)))
      if (r.ok) await this.load()
      return r
    },
    async removeProvider(id: string) {
      const r = await attempt(() => api().providers.remove(id))
      if (r.ok) await this.load()
      return r
    },
    async saveRoute(body: RouteBody, existing: string | null) {
      const r = await attempt(() => (existing ? api().routes.replace(existing, body) : api().routes.create(body)))
      if (r.ok) await this.load()
      return r
    },
    async removeRoute(pattern: string) {
      const r = await attempt(() => api().routes.remove(pattern))
      if (r.ok) await this.load()
      return r
    },
  },
})
