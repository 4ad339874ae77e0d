import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface StaticOrigin {
  readonly origin: string
  close(): Promise<void>
}

/** What the bench's launch URL carries and `POST /session` answers: the app's browser-mode handshake. */
export const BENCH_LAUNCH_TOKEN = 'cache-bench'

/**
 * One origin for both pages, so IndexedDB is shared: `/harness/*` is the harness build, anything
 * else the built app (`/` its index.html). The app's launch handshake (`POST /session`, see
 * `src/renderer/src/ipc/launch-credential.ts`) is answered so the page starts; there is no IPC
 * server behind it: a WebSocket upgrade on `/ipc` is refused, as when the app runs with nothing
 * behind it, and the app shows what its cache holds.
 */
export async function serveStatic(appRoot: string, harnessRoot: string): Promise<StaticOrigin> {
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/session') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ session: BENCH_LAUNCH_TOKEN }))
      return
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const [root, rel] = path.startsWith('/harness/')
      ? [harnessRoot, path.slice('/harness/'.length)]
      : [appRoot, path === '/' ? 'index.html' : path.slice(1)]
    const file = normalize(join(root, rel))
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end()
      return
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        res.end(body)
      },
      () => res.writeHead(404).end(),
    )
  })
  server.on('upgrade', (_req, socket) => socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
