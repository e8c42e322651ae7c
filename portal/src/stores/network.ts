import { defineStore } from 'pinia'

/** Whether the browser is online (drives the offline banner). */
export const useNetworkStore = defineStore('network', {
  state: () => ({ online: typeof navigator === 'undefined' ? true : navigator.onLine }),
  actions: {
    watch(target: Window = window) {
      target.addEventListener('online', () => (this.online = true))
      target.addEventListener('offline', () => (this.online = false))
    },
  },
})
