import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// served under /portal/ by the local server and by CloudFront; assets are content-hashed (immutable caching)
export default defineConfig({
  base: '/portal/',
  plugins: [vue()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/admin': 'http://127.0.0.1:8080' } },
})
