import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createOpsgenieClient,
  OpsgenieError,
} from '../../../../../src/main/gateway/provider/opsgenie/index'
import { thrown } from './support'

interface Recorder {
  readonly url: string
  readonly seen: { path: string; headers: IncomingHttpHeaders }[]
  close(): Promise<void>
}

const servers: Recorder[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** A real HTTP server that records every request and answers with `answer(path)`. */
async function record(
  answer: (path: string) => { status: number; location?: string },
): Promise<Recorder> {
  const seen: Recorder['seen'] = []
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers })
    const { status, location } = answer(req.url ?? '')
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(location === undefined ? {} : { location }),
    })
    res.end(status === 200 ? '{"data":[],"took":0.01,"requestId":"r1"}' : '{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const recorder: Recorder = {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  servers.push(recorder)
  return recorder
}

const KEY = 'k-redirect-secret'

describe('redirects never carry the API key', () => {
  for (const status of [301, 302, 307, 308]) {
    it(`a ${status} to another host is refused before the other host sees a request`, async () => {
      const elsewhere = await record(() => ({ status: 200 }))
      const opsgenie = await record((path) => ({ status, location: `${elsewhere.url}${path}` }))
      const client = createOpsgenieClient({ host: opsgenie.url, apiKey: KEY, timeoutMs: 5000 })

      const error = await thrown(() => client.alerts.list())

      expect(opsgenie.seen).toHaveLength(1)
      expect(elsewhere.seen).toEqual([])
      expect(error).toBeInstanceOf(OpsgenieError)
      const failure = (error as OpsgenieError).failure
      expect(failure).toMatchObject({ kind: 'unexpected', status, operation: 'GET /v2/alerts' })
      expect(failure.message).toContain(`redirected (${status})`)
      expect(failure.message).toContain(`127.0.0.1:${elsewhere.url.split(':')[2]}`)
      expect(failure.message).not.toContain(KEY)
    })
  }

  it('a redirect on the same host is not followed either: the key is sent once', async () => {
    const opsgenie = await record((path) =>
      path.startsWith('/v2/alerts') ? { status: 302, location: '/moved' } : { status: 200 },
    )
    const client = createOpsgenieClient({ host: opsgenie.url, apiKey: KEY, timeoutMs: 5000 })

    const error = await thrown(() => client.alerts.list())

    expect(opsgenie.seen.map((r) => r.path.split('?')[0])).toEqual(['/v2/alerts'])
    expect((error as OpsgenieError).failure).toMatchObject({ kind: 'unexpected', status: 302 })
  })
})
