import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { guardRequests, guardUpgrades } from '../../../src/main/web/guard'
import { call } from './support/web-client'

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

/**
 * A real server whose handler throws on `/boom` (synchronously or in its promise) and answers
 * 200 otherwise: the guard must turn the throw into a 500, log it, and keep the server serving.
 */
async function serve(logged: string[]): Promise<number> {
  server = createServer(
    guardRequests(
      (req, res) => {
        if (req.url === '/boom-sync') throw new Error('sync boom')
        if (req.url === '/boom') return Promise.reject(new Error('async boom'))
        res.end('fine')
        return Promise.resolve()
      },
      (line) => logged.push(line),
    ),
  )
  server.on(
    'upgrade',
    guardUpgrades(
      () => {
        throw new Error('upgrade boom')
      },
      (line) => logged.push(line),
    ),
  )
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

describe('the catch-all for unexpected throws', () => {
  it('answers 500 for a throw in the handler, logs it, and keeps serving', async () => {
    const logged: string[] = []
    const port = await serve(logged)
    for (const path of ['/boom', '/boom-sync']) {
      const res = await call(port, path)
      expect(res.status).toBe(500)
      expect(res.body).toBe('internal error')
      expect((await call(port, '/')).body).toBe('fine')
    }
    expect(logged.join('\n')).toMatch(/async boom[\s\S]*sync boom/)
  })

  it('answers 500 for a throw in the upgrade handler, and keeps serving', async () => {
    const logged: string[] = []
    const port = await serve(logged)
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ipc`)
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.once('open', () => reject(new Error('opened')))
      ws.once('error', reject)
    })
    expect(status).toBe(500)
    expect(logged.join('\n')).toContain('upgrade boom')
    expect((await call(port, '/')).body).toBe('fine')
  })
})
