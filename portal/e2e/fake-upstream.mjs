// A minimal OpenAI-compatible upstream for the browser tests: every chat completion answers "pong".
import { createServer } from 'node:http'

export function startFakeUpstream() {
  const calls = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      calls.push({ path: req.url, auth: req.headers.authorization })
      const request = body ? JSON.parse(body) : {}
      const usage = { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 }
      if (request.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        const chunk = (delta, finish, extra = {}) =>
          `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', model: request.model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`
        res.write(chunk({ role: 'assistant', content: 'pong' }, null))
        res.write(chunk({}, 'stop', { usage }))
        res.end('data: [DONE]\n\n')
      } else {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', model: request.model, choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'stop' }], usage }))
      }
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}/v1`, calls, close: () => server.close() })),
  )
}
