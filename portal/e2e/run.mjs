// Browser tests of the portal against the real local stack (started by scripts/test-portal.sh), driving the
// Debian chromium through playwright-core. Fails on any console error or uncaught exception in any page.
//   node e2e/run.mjs <base-url> <admin-password>
import { chromium } from 'playwright-core'
import { startFakeUpstream } from './fake-upstream.mjs'
import { mkdirSync, statSync } from 'node:fs'
import assert from 'node:assert/strict'

const [base, password] = process.argv.slice(2)
const upstream = await startFakeUpstream()
const upstreamUrl = upstream.url
// names unique per run, so the suite can run again against the same stack
const run = Date.now().toString(36).slice(-5)
const PROVIDER = `e2e-fake-${run}`
const MODEL = `e2e-model-${run}`
const KEY = `e2e-key-${run}`
const portal = `${base}/portal`
const out = new URL('./out/', import.meta.url).pathname
mkdirSync(out, { recursive: true })
const CHROMIUM = process.env.PB_CHROMIUM ?? '/usr/bin/chromium'

const results = []
const consoleProblems = []
// the browser logs every non-2xx answer as "Failed to load resource"; these statuses are the ones the tests
// provoke on purpose (invalid forms, no refresh cookie on first load, the stubbed 401 and 429); a script error,
// an uncaught promise or any other failed load still fails the run
const EXPECTED_NETWORK =
  /Failed to load resource: (the server responded with a status of (400|401|409|429)|net::ERR_INTERNET_DISCONNECTED)/

function watch(page, name) {
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED_NETWORK.test(m.text())) consoleProblems.push(`${name}: ${m.text()}`)
  })
  page.on('pageerror', (e) => consoleProblems.push(`${name}: uncaught ${e.message}`))
}

async function step(name, fn) {
  const started = Date.now()
  try {
    await fn()
    results.push({ name, ok: true, ms: Date.now() - started })
    console.log(`ok   ${name} (${Date.now() - started} ms)`)
  } catch (e) {
    results.push({ name, ok: false })
    console.log(`FAIL ${name}: ${e.message}`)
    throw e
  }
}

async function gateway(key, model) {
  const res = await fetch(`${base}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    body: JSON.stringify({ model, max_tokens: 16, messages: [{ role: 'user', content: 'ping' }] }),
  })
  return { status: res.status, body: await res.text() }
}

async function screenshot(page, name) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10000 })
  const text = await page.locator('main').innerText()
  assert.ok(text.trim().length > 20, `${name} page shows almost no text`)
  const file = `${out}${name}.png`
  await page.screenshot({ path: file, fullPage: true })
  assert.ok(statSync(file).size > 8000, `${name} screenshot looks blank`)
}

async function login(page) {
  await page.goto(`${portal}/login`)
  await page.getByLabel('Username', { exact: true }).fill('admin')
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor()
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
let failed = false
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  watch(page, 'tab1')
  page.on('dialog', (d) => d.accept(d.type() === 'prompt' ? '600' : undefined))
  let secret = ''
  let rotated = ''

  await step('login page is reachable and rejects a wrong password', async () => {
    await page.goto(`${portal}/`)
    await page.waitForURL(/\/portal\/login/)
    await screenshot(page, 'login')
    await page.getByLabel('Username', { exact: true }).fill('admin')
    await page.getByLabel('Password', { exact: true }).fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.locator('[data-test="login-error"]').waitFor()
  })

  await step('login with the bootstrap admin; no token or user in web storage', async () => {
    await login(page)
    const stored = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])
    assert.deepEqual(stored, [0, 0, ''], 'web storage and script-visible cookies must stay empty')
    await screenshot(page, 'dashboard')
  })

  await step('create a provider with a write-only credential', async () => {
    await page.getByRole('link', { name: 'Providers' }).click()
    await page.locator('[data-test="new-provider"]').click()
    await page.getByLabel('Id', { exact: true }).fill(PROVIDER)
    await page.getByLabel('Base URL', { exact: true }).fill('not a url at all')
    await page.locator('input[name="base_url"]').evaluate((el) => el.setAttribute('type', 'text'))
    await page.getByLabel('API key', { exact: true }).fill('sk-e2e-upstream-secret')
    await page.locator('[data-test="save-provider"]').click()
    await page.locator('[data-test="error-base_url"]').waitFor()
    await page.getByLabel('Base URL', { exact: true }).fill(upstreamUrl)
    await page.getByLabel('API key', { exact: true }).fill('sk-e2e-upstream-secret')
    await page.locator('[data-test="save-provider"]').click()
    const row = page.locator(`[data-test="provider-${PROVIDER}"]`)
    await row.waitFor()
    assert.match(await row.innerText(), /stored/)
    assert.doesNotMatch(await page.content(), /sk-e2e-upstream-secret/)
    await screenshot(page, 'providers')
  })

  await step('create a route to it', async () => {
    await page.getByRole('link', { name: 'Routes' }).click()
    await page.locator('[data-test="new-route"]').click()
    await page.getByLabel('Client model (name or glob)', { exact: true }).fill(MODEL)
    await page.getByLabel('Provider of target 1', { exact: true }).selectOption(PROVIDER)
    await page.getByLabel('Upstream model of target 1', { exact: true }).fill('fake-model')
    await page.getByLabel('Weight of target 1', { exact: true }).fill('-3')
    await page.locator('[data-test="save-route"]').click()
    await page.locator('[data-test="error-weight"]').waitFor()
    await page.getByLabel('Weight of target 1', { exact: true }).fill('1')
    await page.locator('[data-test="save-route"]').click()
    await page.locator(`[data-test="route-${MODEL}"]`).waitFor()
    await screenshot(page, 'routes')
  })

  await step('routes: hedge settings are saved through the API with field-level errors', async () => {
    await page.locator(`[data-test="route-${MODEL}"]`).getByRole('button', { name: 'Edit' }).click()
    await page.locator('input[name="hedge-enabled"]').check()
    await page.getByLabel('Hedge delay (e.g. 1500ms, 2s)', { exact: true }).fill('soon')
    await page.locator('[data-test="save-route"]').click()
    await page.locator('[data-test="error-hedge-delay"]').waitFor()
    await page.getByLabel('Hedge delay (e.g. 1500ms, 2s)', { exact: true }).fill('1500ms')
    await page.locator('[data-test="save-route"]').click()
    // one target: nothing to race against
    await page.locator('[data-test="error-hedge-enabled"]').waitFor()
    await page.getByRole('button', { name: 'Add target' }).click()
    await page.getByLabel('Provider of target 2', { exact: true }).selectOption(PROVIDER)
    await page.getByLabel('Upstream model of target 2', { exact: true }).fill('fake-model-b')
    await page.locator('[data-test="save-route"]').click()
    await page.locator(`[data-test="hedge-${MODEL}"]`).waitFor()
    assert.match(await page.locator(`[data-test="hedge-${MODEL}"]`).innerText(), /1500 ms/)
  })

  await step('providers: test connection against the fake upstream', async () => {
    const before = upstream.calls.length
    await page.getByRole('link', { name: 'Providers' }).click()
    await page.locator(`[data-test="provider-${PROVIDER}"]`).getByRole('button', { name: 'Test connection' }).click()
    const result = page.locator(`[data-test="test-${PROVIDER}"]`)
    await result.waitFor()
    assert.match(await result.innerText(), /^OK in \d+ ms \(fake-model\)$/)
    assert.equal(upstream.calls.length, before + 1)
    assert.equal(upstream.calls.at(-1).auth, 'Bearer sk-e2e-upstream-secret')
    assert.doesNotMatch(await page.content(), /sk-e2e-upstream-secret/)
  })

  await step('costs: a price for the fake model through the prices editor (PUT with the version read)', async () => {
    await page.getByRole('link', { name: 'Costs' }).click()
    await page.getByRole('button', { name: 'Add model' }).click()
    const n = await page.locator('[data-test="price-row"]').count()
    await page.getByLabel(`Model of price ${n}`, { exact: true }).fill(`${PROVIDER}/fake-model`)
    await page.getByLabel(`Input price of ${PROVIDER}/fake-model`, { exact: true }).fill('2000')
    await page.getByLabel(`Output price of ${PROVIDER}/fake-model`, { exact: true }).fill('not a number')
    await page.locator('[data-test="save-prices"]').click()
    await page.locator('[data-test="prices-error"]', { hasText: 'prices must be numbers' }).waitFor()
    await page.getByLabel(`Output price of ${PROVIDER}/fake-model`, { exact: true }).fill('4000')
    const version = Number((await page.getByRole('heading', { name: /^Prices/ }).innerText()).match(/version (\d+)/)[1])
    await page.locator('[data-test="save-prices"]').click()
    await page.getByRole('heading', { name: `Prices (USD per million tokens), version ${version + 1}` }).waitFor()
  })

  await step('create a key: the secret is shown once', async () => {
    await page.getByRole('link', { name: 'Client keys' }).click()
    await page.locator('[data-test="new-key"]').click()
    await page.getByLabel('Name', { exact: true }).fill(KEY)
    await page.locator('[data-test="create-key"]').click()
    secret = await page.locator('[data-test="secret-value"]').innerText()
    assert.match(secret, /^pb_live_/)
    await page.locator('[data-test="secret-done"]').click()
    await page.reload()
    await page.locator(`[data-test="key-${KEY}"]`).waitFor()
    assert.doesNotMatch(await page.content(), new RegExp(secret))
    await screenshot(page, 'keys')
  })

  await step('keys: a name-prefix search answered from the index (case-insensitive)', async () => {
    const searched = page.waitForResponse((r) => r.url().includes(`/admin/v1/keys?search=${KEY.toUpperCase()}`) && r.status() === 200)
    await page.locator('input[name="search"]').fill(KEY.toUpperCase())
    await page.getByRole('button', { name: 'Search' }).click()
    await searched
    await page.waitForFunction((k) => {
      const rows = [...document.querySelectorAll('[data-test^="key-"]')]
      return rows.length === 1 && rows[0].getAttribute('data-test') === `key-${k}`
    }, KEY)
    await page.locator('input[name="search"]').fill('')
    await page.getByRole('button', { name: 'Search' }).click()
  })

  await step('a gateway call with the key is seen in usage', async () => {
    const r = await gateway(secret, MODEL)
    assert.equal(r.status, 200, r.body)
    assert.match(r.body, /pong/)
    // usage is flushed every 200 ms by this stack; the page reads it from the admin API
    let rows = 0
    for (let i = 0; i < 20 && rows === 0; i++) {
      await page.getByRole('link', { name: 'Usage' }).click()
      await page.locator('select[name="key"] option', { hasText: KEY }).waitFor({ state: 'attached' })
      const value = await page.locator('select[name="key"] option', { hasText: KEY }).getAttribute('value')
      await page.locator('select[name="key"]').selectOption(value)
      await page.getByRole('button', { name: 'Show' }).click()
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
      rows = await page.locator('[data-test="usage-row"]').count()
      if (rows === 0) await page.waitForTimeout(500)
    }
    assert.equal(rows, 1, 'one day of usage')
    assert.match(await page.locator('[data-test="usage-row"]').innerText(), /\t1\t12\t3/)
    const download = page.waitForEvent('download')
    await page.locator('[data-test="export-csv"]').click()
    const csv = await (await download).createReadStream()
    let text = ''
    for await (const c of csv) text += c
    assert.match(text, new RegExp(String.raw`^key_id,key_name,day,requests,input_tokens,output_tokens\r\n.+,${KEY},\d{4}-\d\d-\d\d,1,12,3\r\n$`))
    await screenshot(page, 'usage')
  })

  await step('dashboard: the gateway call shows in the charts over time', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click()
    await page.waitForFunction(() => Number(document.querySelector('[data-test="kpi-requests"]')?.textContent) >= 1)
    await page.locator('canvas[aria-label="Requests over time"]').waitFor()
    await page.locator('canvas[aria-label="Latency percentiles over time"]').waitFor()
    assert.match(await page.locator(`[data-test="health-${PROVIDER}"]`).innerText(), /closed/)
    await screenshot(page, 'dashboard-traffic')
  })

  await step('costs: per-model table, forecast band and a CSV export', async () => {
    await page.getByRole('link', { name: 'Costs' }).click()
    await page.locator('[data-test="forecast-total"]').waitFor()
    await page.locator('canvas[aria-label="Cost forecast with its 95 % band"]').waitFor()
    await page.locator('select[name="group_by"]').selectOption('model')
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForFunction(() => document.querySelector('th')?.textContent === 'model')
    // the call above at 12 input + 3 output tokens, priced at 2000 / 4000 USD per million: 0.036 USD
    const row = page.locator('[data-test="cost-row"]', { hasText: `${PROVIDER}/fake-model` })
    await row.waitFor()
    assert.match(await row.innerText(), /\t1\t12\t3\t0\.0360$/)
    const download = page.waitForEvent('download')
    await page.locator('[data-test="costs-csv"]').click()
    const file = await download
    assert.match(file.suggestedFilename(), /^costs-by-model-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/)
    let text = ''
    for await (const c of await file.createReadStream()) text += c
    assert.match(text, /^model,requests,input_tokens,output_tokens,cost_usd\n/)
    await screenshot(page, 'costs')
  })

  await step('cache: stats per tier and an invalidation by model', async () => {
    await page.getByRole('link', { name: 'Cache' }).click()
    await page.locator('[data-test="tier-l1"]').waitFor()
    await page.locator('select[name="scope"]').selectOption('model')
    await page.locator('input[name="value"]').fill(MODEL)
    await page.locator('[data-test="invalidate"]').click()
    const done = page.locator('[data-test="invalidated"]')
    await done.waitFor()
    assert.match(await done.innerText(), new RegExp(`Invalidated model:${MODEL} \\(now version \\S+\\)`))
    await screenshot(page, 'cache')
  })

  await step('rotate: the new secret is shown once and the old one works during the overlap', async () => {
    await page.getByRole('link', { name: 'Client keys' }).click()
    await page.locator(`[data-test="key-${KEY}"]`).getByRole('button', { name: 'Rotate' }).click()
    rotated = await page.locator('[data-test="secret-value"]').innerText()
    assert.notEqual(rotated, secret)
    await page.locator('[data-test="secret-done"]').click()
    assert.equal((await gateway(secret, MODEL)).status, 200)
    assert.equal((await gateway(rotated, MODEL)).status, 200)
  })

  await step('revoke: the key is refused at once', async () => {
    await page.locator(`[data-test="key-${KEY}"]`).getByRole('button', { name: 'Revoke' }).click()
    await page.waitForFunction((k) => document.querySelector(`[data-test="status-${k}"]`)?.textContent === 'revoked', KEY)
    assert.equal((await gateway(rotated, MODEL)).status, 401)
  })

  await step('audit: filter and verify the chains', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click()
    await page.getByLabel('Action starts with', { exact: true }).fill('key.')
    await page.getByRole('button', { name: 'Filter' }).click()
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-test="audit-row"] td:nth-child(4)')]
      return cells.length > 0 && cells.every((c) => c.textContent.startsWith('key.'))
    })
    const actions = await page.locator('[data-test="audit-row"] td:nth-child(4)').allInnerTexts()
    assert.ok(actions.length >= 3 && actions.every((a) => a.startsWith('key.')), actions.join(','))
    await page.locator('[data-test="verify-chain"]').click()
    await page.getByText('Every chain is intact').waitFor()
    await screenshot(page, 'audit')
    await page.getByRole('link', { name: 'Settings' }).click()
    await screenshot(page, 'settings')
  })

  await step('settings: a PATCH of the CORS origins, and a stale version (409) reloads the values', async () => {
    const origins = page.locator('textarea[name="cors-origins"]')
    await origins.waitFor()
    const kept = await origins.inputValue()
    await origins.fill(`${kept}\nhttps://admin-${run}.example.com`)
    await page.locator('[data-test="save-cors"]').click()
    await page.locator('[data-test="settings-saved"]').waitFor()
    assert.match(await origins.inputValue(), new RegExp(`https://admin-${run}\\.example\\.com$`))
    // another admin saved in between: the server refuses the stale version
    await page.route('**/admin/v1/config', (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({ status: 409, contentType: 'application/json', body: '{"code":"conflict","message":"version conflict: the config is at version 99"}' })
        : route.continue())
    const reread = page.waitForResponse((r) => r.url().endsWith('/admin/v1/config/effective') && r.status() === 200)
    await origins.fill(kept)
    await page.locator('[data-test="save-cors"]').click()
    await page.locator('[data-test="settings-problem"]').waitFor()
    await reread
    await page.unroute('**/admin/v1/config')
    assert.match(await origins.inputValue(), new RegExp(`admin-${run}`), 'the values in force are shown again')
    await origins.fill(kept)
    await page.locator('[data-test="save-cors"]').click()
    await page.waitForFunction((k) => document.querySelector('textarea[name="cors-origins"]')?.value === k && !!document.querySelector('[data-test="settings-saved"]'), kept)
  })

  await step('401 on a call: one refresh through the cookie, then the call is replayed', async () => {
    const refreshes = []
    page.on('request', (r) => r.url().endsWith('/admin/v1/auth/refresh') && refreshes.push(r))
    let stubbed = 0
    await page.route('**/admin/v1/keys?*', async (route) => {
      if (stubbed++ === 0) {
        await route.fulfill({ status: 401, contentType: 'application/json', body: '{"code":"authentication_error","message":"token expired"}' })
      } else await route.continue()
    })
    const replayed = page.waitForResponse((r) => r.url().includes('/admin/v1/keys?') && r.status() === 200)
    await page.getByRole('link', { name: 'Client keys' }).click()
    await replayed
    await page.locator(`[data-test="key-${KEY}"]`).waitFor()
    await page.unroute('**/admin/v1/keys?*')
    assert.equal(refreshes.length, 1)
    assert.equal(stubbed, 2)
  })

  await step('429: the client waits the retry-after and then succeeds', async () => {
    const times = []
    await page.route('**/admin/v1/audit?*', async (route) => {
      times.push(Date.now())
      if (times.length === 1) {
        await route.fulfill({ status: 429, headers: { 'retry-after': '1' }, contentType: 'application/json', body: '{"code":"rate_limit_error","message":"slow down"}' })
      } else await route.continue()
    })
    await page.getByRole('link', { name: 'Audit log' }).click()
    await page.locator('[data-test="audit-row"]').first().waitFor()
    await page.unroute('**/admin/v1/audit?*')
    assert.equal(times.length, 2)
    assert.ok(times[1] - times[0] >= 950, `waited ${times[1] - times[0]} ms`)
  })

  await step('offline: a banner, a toast with retry on network loss, and the retry works once back online', async () => {
    const actor = await page.locator('[data-test="audit-row"] td:nth-child(3)').first().innerText()
    await context.setOffline(true)
    await page.getByRole('status').filter({ hasText: 'You are offline' }).waitFor()
    await page.getByLabel('Actor', { exact: true }).fill(actor)
    await page.getByRole('button', { name: 'Filter' }).click()
    const toast = page.locator('.toast', { hasText: 'The admin API cannot be reached.' })
    await toast.waitFor()
    await context.setOffline(false)
    await page.getByRole('status').filter({ hasText: 'You are offline' }).waitFor({ state: 'detached' })
    await toast.getByRole('button', { name: 'Retry' }).click()
    await page.waitForFunction((a) => {
      const cells = [...document.querySelectorAll('[data-test="audit-row"] td:nth-child(3)')]
      return cells.length > 0 && cells.every((c) => c.textContent === a)
    }, actor)
  })

  let tab2
  await step('multi-tab: two tabs refreshing at once spend the refresh cookie once (no reuse, both stay in)', async () => {
    tab2 = await context.newPage()
    watch(tab2, 'tab2')
    await tab2.goto(`${portal}/keys`)
    await tab2.locator(`[data-test="key-${KEY}"]`).waitFor()
    // both tabs' next call is refused as expired at the same moment: each must refresh, under one lock
    for (const p of [page, tab2]) {
      let first = true
      await p.route('**/admin/v1/audit?*', async (route) => {
        if (first) {
          first = false
          await route.fulfill({ status: 401, contentType: 'application/json', body: '{"code":"authentication_error","message":"token expired"}' })
        } else await route.continue()
      })
    }
    await Promise.all([page, tab2].map((p) => p.getByRole('link', { name: 'Audit log' }).click()))
    await Promise.all([page, tab2].map((p) => p.locator('[data-test="audit-row"]').first().waitFor()))
    await Promise.all([page, tab2].map((p) => p.unroute('**/admin/v1/audit?*')))
    // the server saw no refresh-token reuse (it would have revoked the whole session and audited it)
    const login = await fetch(`${base}/admin/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    }).then((r) => r.json())
    const reuse = await fetch(`${base}/admin/v1/audit?stream=auth&action=auth.refresh_reuse&limit=100`, {
      headers: { authorization: `Bearer ${login.access_token}` },
    }).then((r) => r.json())
    assert.deepEqual(reuse.data, [])
    await fetch(`${base}/admin/v1/auth/logout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refresh_token: login.refresh_token }) })
    await tab2.reload()
    await tab2.locator('[data-test="audit-row"]').first().waitFor()
  })

  await step('multi-tab: logout in one tab reaches the other', async () => {
    await tab2.getByRole('link', { name: 'Client keys' }).click()
    await tab2.locator(`[data-test="key-${KEY}"]`).waitFor()
    await page.locator('[data-test="logout"]').click()
    await tab2.waitForURL(/\/portal\/login/)
    await page.waitForURL(/\/portal\/login/)
    // the session is over for both: a reload stays on the login page
    await tab2.reload()
    await tab2.waitForURL(/\/portal\/login/)
  })

  await step('multi-tab: login in one tab reaches the other', async () => {
    await login(page)
    // tab2 sat on the login page: the broadcast login takes it back to where it was (the keys page)
    await tab2.locator(`[data-test="key-${KEY}"]`).waitFor({ timeout: 5000 })
  })

  assert.deepEqual(consoleProblems, [], 'console errors')
} catch (e) {
  failed = true
  console.error(e)
  for (const [i, p] of browser.contexts().flatMap((c) => c.pages()).entries()) {
    await p.screenshot({ path: `${out}failure-${i}.png`, fullPage: true }).catch(() => undefined)
  }
  if (consoleProblems.length) console.error('console problems:', consoleProblems)
} finally {
  await browser.close()
  upstream.close()
}
const passed = results.filter((r) => r.ok).length
console.log(`portal browser tests: ${passed} passed, ${results.length - passed + (failed && results.every((r) => r.ok) ? 1 : 0)} failed`)
process.exit(failed ? 1 : 0)
