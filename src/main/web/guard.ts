import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

type Log = (line: string) => void

const describe = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error)

/**
 * The last line of defence for the request handler: any throw, synchronous or in the returned
 * promise, answers 500 (or drops a response already under way) and is logged, instead of becoming
 * an uncaught exception or unhandled rejection that ends browser mode for every tab.
 */
export function guardRequests(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  log: Log,
): (req: IncomingMessage, res: ServerResponse) => void {
  const fail = (res: ServerResponse, error: unknown): void => {
    log(`browser mode: request failed: ${describe(error)}`)
    if (res.headersSent) res.destroy()
    else res.writeHead(500, { 'Content-Type': 'text/plain' }).end('internal error')
  }
  return (req, res) => {
    try {
      handle(req, res).catch((error: unknown) => fail(res, error))
    } catch (error) {
      fail(res, error)
    }
  }
}

/** The same for upgrades, which answer on the raw socket; a socket error never goes unheard. */
export function guardUpgrades(
  handle: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
  log: Log,
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    try {
      handle(req, socket, head)
    } catch (error) {
      log(`browser mode: upgrade failed: ${describe(error)}`)
      refuseUpgrade(socket, '500 Internal Server Error')
    }
  }
}

/** Answers an upgrade with a plain HTTP status and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: string): void {
  if (socket.writable)
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  else socket.destroy()
}
