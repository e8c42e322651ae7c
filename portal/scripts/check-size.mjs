// Fails the build when the JavaScript the first page load needs exceeds the budget (gzip): the entry chunk and
// every chunk index.html preloads. Route chunks and Chart.js load later and are reported, not counted.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const BUDGET = Number(process.env.PORTAL_FIRST_LOAD_BUDGET_KB ?? 300) * 1024
const dist = new URL('../dist/', import.meta.url).pathname
const index = readFileSync(join(dist, 'index.html'), 'utf8')
const firstLoad = [...index.matchAll(/(?:src|href)="\/portal\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
const gz = (f) => gzipSync(readFileSync(join(dist, f))).length
let total = 0
for (const f of firstLoad) total += gz(f)
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'))
console.log(`first-load JS: ${firstLoad.length} file(s), ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)`)
for (const f of all) console.log(`  ${firstLoad.includes('assets/' + f) ? '*' : ' '} ${f} ${(gz('assets/' + f) / 1024).toFixed(1)} KB`)
if (firstLoad.length === 0) {
  console.error('no script found in index.html')
  process.exit(1)
}
if (total > BUDGET) {
  console.error(`first-load JS ${(total / 1024).toFixed(1)} KB gzip is over the ${BUDGET / 1024} KB budget`)
  process.exit(1)
}
