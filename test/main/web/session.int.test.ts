import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { createIpcRouter } from '../../../src/main/gateway/ipc/router'
import { startWebServer, type RunningWebServer } from '../../../src/main/web/server'
import { REFUSALS } from '../../../src/main/web/session-route'
import { sessionProtocols } from '../../../src/renderer/src/ipc/launch-credential'
import { launchTokenOf, openSocket, postSession } from './support/web-client'

const root = mkdtempSync(join(tmpdir(), 'ondeck-web-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ondeck</title>')

let web: RunningWebServer

beforeAll(async () => {
  web = await startWebServer({
    rendererRoot: root,
    router: (origin) =>
      createIpcRouter(
        { 'app:info': async () => ({ version: '9.9.9', mode: 'web' as const }) },
        { isTrustedSender: (s) => s.url === origin },
      ),
  })
})

afterAll(async () => web.close())

/** A fresh launch token exchanged for a session, as the page does it. */
async function newSession(): Promise<string> {
  const res = await postSession(web.port, { launch: launchTokenOf(web.newLaunchUrl()) })
  expect(res.status).toBe(200)
  return (JSON.parse(res.body) as { session: string }).session
}

describe('browser mode: the launch token buys one session', () => {
  it('exchanges a launch token once; a second use is refused with a clear message', async () => {
    const launch = launchTokenOf(web.newLaunchUrl())
    const first = await postSession(web.port, { launch })
    expect(first.status).toBe(200)
    const { session } = JSON.parse(first.body) as { session: string }
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(session).not.toBe(launch)
    expect(first.headers['set-cookie']).toBeUndefined()
    const second = await postSession(web.port, { launch })
    expect(second.status).toBe(410)
    expect(JSON.parse(second.body)).toEqual({ error: REFUSALS.used })
    expect(REFUSALS.used).toMatch(/already used/)
  })

  it('refuses a launch token it never issued, and a session it never granted', async () => {
    const res = await postSession(web.port, { launch: 'x'.repeat(43) })
    expect(res.status).toBe(401)
    expect(JSON.parse(res.body)).toEqual({ error: REFUSALS.unknown })
    const stale = await postSession(web.port, { session: 'x'.repeat(43) })
    expect(stale.status).toBe(401)
    expect(JSON.parse(stale.body)).toEqual({ error: REFUSALS.session })
  })

  it('confirms a session a reloaded tab kept', async () => {
    const session = await newSession()
    const res = await postSession(web.port, { session })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ session })
  })

  it('answers bad bodies with 400 and oversized ones with 413', async () => {
    for (const body of ['not json', '{}', '{"launch": 7}', '{"launch": "a", "session": "b"}']) {
      const res = await postSession(web.port, body)
      expect(res.status).toBe(400)
      expect(JSON.parse(res.body)).toEqual({ error: REFUSALS.body })
    }
    const huge = await postSession(web.port, { launch: 'x'.repeat(10_000) })
    expect(huge.status).toBe(413)
  })

  it('refuses a session request from a foreign Origin or without one', async () => {
    const launch = launchTokenOf(web.newLaunchUrl())
    expect((await postSession(web.port, { launch }, 'http://evil.example')).status).toBe(403)
    expect((await postSession(web.port, { launch }, `http://localhost:${web.port}`)).status).toBe(
      403,
    )
    // the refused requests did not burn the token
    expect((await postSession(web.port, { launch })).status).toBe(200)
  })
})

describe('browser mode: the IPC WebSocket needs a session', () => {
  it('refuses an upgrade without a session, or with a wrong one', async () => {
    await expect(openSocket(web.port)).rejects.toThrow(/refused 401/)
    await expect(openSocket(web.port, { protocols: ['ondeck.v1'] })).rejects.toThrow(/refused 401/)
    await expect(openSocket(web.port, { protocols: sessionProtocols('nope') })).rejects.toThrow(
      /refused 401/,
    )
    // the launch token itself is no session
    const launch = launchTokenOf(web.newLaunchUrl())
    await expect(openSocket(web.port, { protocols: sessionProtocols(launch) })).rejects.toThrow(
      /refused 401/,
    )
  })

  it('refuses a foreign Origin or Host even with a valid session', async () => {
    const protocols = sessionProtocols(await newSession())
    await expect(
      openSocket(web.port, { protocols, origin: 'https://evil.example' }),
    ).rejects.toThrow(/refused 403/)
    await expect(
      openSocket(web.port, { protocols, origin: `http://localhost:${web.port}` }),
    ).rejects.toThrow(/refused 403/)
    await expect(
      openSocket(web.port, { protocols, host: `localhost:${web.port}` }),
    ).rejects.toThrow(/refused 403/)
  })

  it('carries the IPC contract over the WebSocket, and events back', async () => {
    const ws: WebSocket = await openSocket(web.port, {
      protocols: sessionProtocols(await newSession()),
    })
    expect(ws.protocol).toBe('ondeck.v1')
    const frames: unknown[] = []
    const waiters: { count: number; resolve: () => void }[] = []
    ws.on('message', (data) => {
      frames.push(JSON.parse(String(data)))
      for (const w of waiters) if (frames.length >= w.count) w.resolve()
    })
    const framesReach = (count: number): Promise<void> =>
      new Promise((resolve) => waiters.push({ count, resolve }))
    ws.send(JSON.stringify({ id: 1, channel: 'app:info', input: {} }))
    ws.send(
      JSON.stringify({
        id: 2,
        channel: 'alerts:acknowledge',
        input: { workspaceId: 'w', alertId: 'a' },
      }),
    )
    await framesReach(2)
    web.broadcast('app:resumed', { at: 42 })
    await framesReach(3)
    ws.close()
    expect(frames).toContainEqual({
      id: 1,
      envelope: { ok: true, value: { version: '9.9.9', mode: 'web' } },
    })
    expect(frames).toContainEqual({
      id: 2,
      envelope: {
        ok: false,
        error: { code: 'unknown-channel', message: 'no IPC channel named alerts:acknowledge' },
      },
    })
    expect(frames).toContainEqual({ event: 'app:resumed', payload: { at: 42 } })
  })
})
