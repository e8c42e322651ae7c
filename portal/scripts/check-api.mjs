// The committed openapi.json must equal what the running admin API serves, and src/api/schema.d.ts must be what
// openapi-typescript generates from it; run by scripts/test-portal.sh against the real local stack.
//   node scripts/check-api.mjs <base-url> <access-token>
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { tmpdir } from 'node:os'

const [base, token] = process.argv.slice(2)
const here = new URL('..', import.meta.url).pathname
const res = await fetch(`${base}/admin/v1/openapi.json`, { headers: { authorization: `Bearer ${token}` } })
if (!res.ok) throw new Error(`openapi.json: ${res.status}`)
// the server builds the document from Java maps whose order varies per start: compare and store it with sorted keys
const sorted = (v) =>
  Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v
const live = JSON.stringify(sorted(await res.json()), null, 2) + '\n'
const committed = readFileSync(join(here, 'openapi.json'), 'utf8')
let failed = false
if (committed !== live) {
  writeFileSync(join(here, 'openapi.json'), live)
  console.error('portal/openapi.json was stale: rewritten from the live API; run npm run gen:api and commit both')
  failed = true
}
const out = join(mkdtempSync(join(tmpdir(), 'pb-api-')), 'schema.d.ts')
execFileSync(join(here, 'node_modules/.bin/openapi-typescript'), [join(here, 'openapi.json'), '-o', out], { stdio: 'ignore' })
if (readFileSync(out, 'utf8') !== readFileSync(join(here, 'src/api/schema.d.ts'), 'utf8')) {
  console.error('src/api/schema.d.ts is not generated from openapi.json: run npm run gen:api')
  failed = true
}
console.log(failed ? 'API types: STALE' : 'API types: current with the live OpenAPI document')
process.exit(failed ? 1 : 0)
