import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  headers: IncomingHttpHeaders
  text: string
}

/** A real local HTTP receiver; `failFirst` answers 500 to that many deliveries before accepting. */
export async function startReceiver(failFirst = 0): Promise<{
  url: string
  received: Received[]
  attempts: () => number
  close: () => Promise<void>
}> {
  const received: Received[] = []
  let attempts = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      attempts += 1
      if (attempts <= failFirst) {
        res.writeHead(500).end()
        return
      }
      received.push({ headers: req.headers, text: Buffer.concat(chunks).toString('utf8') })
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/opsgenie`,
    received,
    attempts: () => attempts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
