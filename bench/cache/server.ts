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

/**
 * One origin for both pages, so IndexedDB is shared: `/harness/*` is the harness build, anything
 * else the built app (`/` its index.html). No IPC server: a WebSocket upgrade on `/ipc` is
 * refused, as when the app runs with nothing behind it.
 */
export async function serveStatic(appRoot: string, harnessRoot: string): Promise<StaticOrigin> {
  const server: Server = createServer((req, res) => {
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
