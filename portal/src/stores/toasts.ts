import { defineStore } from 'pinia'

export interface Toast {
  id: number
  kind: 'error' | 'warning' | 'success' | 'info'
  message: string
  /** A button on the toast (e.g. retry). */
  action?: { label: string; run: () => void }
}

let nextId = 1

/** The notifications shown at the top right; errors stay until dismissed or acted on. */
export const useToastStore = defineStore('toasts', {
  state: () => ({ items: [] as Toast[] }),
  actions: {
    push(t: Omit<Toast, 'id'>): number {
      const id = nextId++
      // the same message twice (several failed calls) is shown once
      if (!this.items.some((i) => i.message === t.message && i.kind === t.kind)) {
        this.items.push({ ...t, id })
      }
      return id
    },
    dismiss(id: number) {
      this.items = this.items.filter((i) => i.id !== id)
    },
  },
})
