import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import './style.css'
import { createPortalRouter } from './router'
import { setupServices } from './services'
import { useNetworkStore } from './stores/network'

const app = createApp(App)
app.use(createPinia())
const router = createPortalRouter()
const { session, handler } = setupServices(router)
session.listen()
useNetworkStore().watch()
// the one ErrorHandler also receives what no page caught, so nothing ends up as an uncaught console error
app.config.errorHandler = (err) => void handler.handle(err)
window.addEventListener('unhandledrejection', (e) => {
  e.preventDefault()
  handler.handle(e.reason)
})
app.use(router)
app.mount('#app')
