import { createServer, connect, type Server, type Socket } from 'node:net'

/**
 * A TCP proxy on loopback between the gateway and the simulator whose "network" can be cut and
 * restored, as a responder's Wi-Fi would be: cut closes every open connection and stops
 * listening (a new connection is refused, so a request provably never left); restore listens
 * again on the same port.
 */
export interface NetworkCut {
  /** `http://127.0.0.1:<port>`: give this to the gateway as the host. */
  readonly url: string
  cut(): Promise<void>
  restore(): Promise<void>
  readonly isCut: boolean
  close(): Promise<void>
}

export async function startNetworkCut(target: string): Promise<NetworkCut> {
  const upstream = new URL(target)
  const sockets = new Set<Socket>()
  let server: Server | undefined
  let port = 0
  let isCut = false

  const track = (socket: Socket): void => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const next = createServer((client) => {
        track(client)
        const to = connect(Number(upstream.port), upstream.hostname)
        track(to)
        client.pipe(to)
        to.pipe(client)
        client.on('close', () => to.destroy())
        to.on('close', () => client.destroy())
      })
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        const address = next.address()
        if (address !== null && typeof address === 'object') port = address.port
        server = next
        resolve()
      })
    })
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      const current = server
      server = undefined
      for (const socket of sockets) socket.destroy()
      if (current === undefined) return resolve()
      current.close(() => resolve())
    })

  await listen()
  return {
    url: `http://127.0.0.1:${port}`,
    get isCut() {
      return isCut
    },
    async cut() {
      isCut = true
      await stop()
    },
    async restore() {
      if (!isCut) return
      await listen()
      isCut = false
    },
    close: stop,
  }
}
