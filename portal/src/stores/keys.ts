import { defineStore } from 'pinia'
import { api, attempt } from '../services'
import type { CreateKeyBody, IssuedKey, Key } from '../api/client'

export interface KeyFilters {
  /** Name prefix, without case: answered by the server's name index (one page read, however many keys). */
  search: string
  status: string
  scope: string
}

/**
 * One page of client keys at a time, fetched from the server with its cursor (the list can hold 100,000+ keys:
 * nothing is loaded whole); the cursors of earlier pages are kept for "previous".
 */
export const useKeysStore = defineStore('keys', {
  state: () => ({
    items: [] as Key[],
    filters: { search: '', status: '', scope: '' } as KeyFilters,
    pageSize: 25,
    cursors: [null] as (string | null)[],
    next: null as string | null,
    loading: false,
    /** The secret of the last create or rotate, shown once and then forgotten. */
    revealed: null as { title: string; secret: string } | null,
  }),
  getters: {
    pageNumber: (s) => s.cursors.length,
  },
  actions: {
    async fetch() {
      this.loading = true
      const cursor = this.cursors[this.cursors.length - 1]
      const r = await attempt(
        () => api().keys.list({ ...this.filters, cursor, limit: this.pageSize }),
        () => void this.fetch(),
      )
      if (r.ok) {
        this.items = r.value.data
        this.next = r.value.next_cursor ?? null
      }
      this.loading = false
    },
    async search(filters: KeyFilters) {
      this.filters = { ...filters }
      this.cursors = [null]
      await this.fetch()
    },
    async nextPage() {
      if (!this.next) return
      this.cursors.push(this.next)
      await this.fetch()
    },
    async previousPage() {
      if (this.cursors.length <= 1) return
      this.cursors.pop()
      await this.fetch()
    },
    reveal(issued: IssuedKey, title: string) {
      this.revealed = { title, secret: issued.key }
    },
    forgetSecret() {
      this.revealed = null
    },
    async create(body: CreateKeyBody) {
      const r = await attempt(() => api().keys.create(body))
      if (r.ok) {
        this.reveal(r.value, `Key "${r.value.name}" created`)
        await this.fetch()
      }
      return r
    },
    async rotate(id: string, overlapSeconds: number) {
      const r = await attempt(() => api().keys.rotate(id, overlapSeconds))
      if (r.ok) {
        this.reveal(r.value, `Key rotated: the old secret works until ${r.value.previous_valid_until ?? 'the overlap ends'}`)
        await this.fetch()
      }
      return r
    },
    async revoke(id: string) {
      const r = await attempt(() => api().keys.revoke(id))
      if (r.ok) await this.fetch()
      return r
    },
    async setLimits(id: string, rpm: number | null, tpm: number | null) {
      const r = await attempt(() =>
        api().keys.limits(id, {
          requests_per_minute: rpm ?? undefined,
          tokens_per_minute: tpm ?? undefined,
        }),
      )
      if (r.ok) await this.fetch()
      return r
    },
  },
})
