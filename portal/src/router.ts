import { createRouter, createWebHistory } from 'vue-router'
import { useSessionStore } from './stores/session'

/** Every page is its own chunk (route-level code splitting); only the login page is in the first load. */
export function createPortalRouter() {
  const router = createRouter({
    history: createWebHistory('/portal/'),
    routes: [
      { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
      { path: '/', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
      { path: '/providers', name: 'providers', component: () => import('./views/ProvidersView.vue') },
      { path: '/routes', name: 'routes', component: () => import('./views/RoutesView.vue') },
      { path: '/keys', name: 'keys', component: () => import('./views/KeysView.vue') },
      { path: '/usage', name: 'usage', component: () => import('./views/UsageView.vue') },
      { path: '/costs', name: 'costs', component: () => import('./views/CostsView.vue') },
      { path: '/cache', name: 'cache', component: () => import('./views/CacheView.vue') },
      { path: '/audit', name: 'audit', component: () => import('./views/AuditView.vue') },
      { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
      { path: '/:rest(.*)', redirect: '/' },
    ],
  })
  router.beforeEach(async (to) => {
    const session = useSessionStore()
    if (session.status === 'unknown') await session.restore()
    if (!to.meta.public && !session.authenticated) return { name: 'login', query: { next: to.fullPath } }
    if (to.name === 'login' && session.authenticated) return { name: 'dashboard' }
    return true
  })
  return router
}
