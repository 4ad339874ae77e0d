import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIpcRouter } from '../../../src/main/gateway/ipc/router'
import { startWebServer, type RunningWebServer } from '../../../src/main/web/server'
import { obtainSession, takeLaunchToken } from '../../../src/renderer/src/ipc/launch-credential'

/** The address bar: what replaceState leaves in it. */
function addressBar(hash: string): { location: { hash: string }; history: History; url(): string } {
  let url = `/launch${hash}`
  const history = {
    replaceState: (_data: unknown, _unused: string, next?: string | URL | null) => {
      url = String(next)
    },
  } as History
  return { location: { hash }, history, url: () => url }
}

/** sessionStorage's two calls, over a map. */
function tabStorage(): Pick<Storage, 'getItem' | 'setItem'> & { values: Map<string, string> } {
  const values = new Map<string, string>()
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  }
}

describe('taking the launch token out of the address bar', () => {
  it('answers the token and leaves / with the rest of the fragment', () => {
    const bar = addressBar('#launch=abc_-1&demo')
    expect(takeLaunchToken(bar.location, bar.history)).toBe('abc_-1')
    expect(bar.url()).toBe('/#demo')
  })

  it('leaves a bare / when the token was all there was', () => {
    const bar = addressBar('#launch=abc')
    expect(takeLaunchToken(bar.location, bar.history)).toBe('abc')
    expect(bar.url()).toBe('/')
  })

  it('touches nothing without a token (a reload, the desktop app)', () => {
    const bar = addressBar('#demo')
    expect(takeLaunchToken(bar.location, bar.history)).toBeUndefined()
    expect(bar.url()).toBe('/launch#demo')
  })
})

let web: RunningWebServer
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'ondeck-web-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ondeck</title>')
  web = await startWebServer({
    rendererRoot: root,
    router: (origin) => createIpcRouter({}, { isTrustedSender: (s) => s.url === origin }),
  })
})
afterAll(async () => web.close())

/** fetch as the page calls it: relative to the origin, which the browser sends as Origin. */
const pagePost: typeof fetch = (input, init) =>
  fetch(new URL(String(input), web.origin), {
    ...init,
    headers: { ...(init?.headers as Record<string, string>), origin: web.origin },
  })

const tokenOf = (url: string): string => url.slice(url.indexOf('#launch=') + '#launch='.length)

describe('obtaining the session from the real server', () => {
  it('exchanges the launch token, keeps the session in the tab, and reuses it on reload', async () => {
    const storage = tabStorage()
    const first = await obtainSession(tokenOf(web.newLaunchUrl()), storage, pagePost)
    expect(first.ok).toBe(true)
    expect([...storage.values.values()]).toEqual([first.ok ? first.session : ''])
    expect(await obtainSession(undefined, storage, pagePost)).toEqual(first)
  })

  it('says the link was already used on a second use, in another tab', async () => {
    const launch = tokenOf(web.newLaunchUrl())
    expect((await obtainSession(launch, tabStorage(), pagePost)).ok).toBe(true)
    const again = await obtainSession(launch, tabStorage(), pagePost)
    expect(again).toEqual({ ok: false, message: expect.stringMatching(/already used/) })
  })

  it('says where the link is when the tab has neither a token nor a session', async () => {
    const answer = await obtainSession(undefined, tabStorage(), pagePost)
    expect(answer).toEqual({
      ok: false,
      message: expect.stringMatching(/open the URL printed in the terminal/),
    })
  })
})
