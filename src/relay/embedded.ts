import { startRelayOn, type RelayServeOptions, type RunningRelay } from './relay.js'
import { createMemoryEventStore, createMemoryTokenStore } from './store/memory-store.js'

export { WEBHOOK_SECRET_HEADER } from './webhook-intake.js'
export type { RunningRelay } from './relay.js'

export interface EmbeddedRelay {
  readonly relay: RunningRelay
  /** A device token for `GET /events`, shown once, like `relay token create`. */
  createDeviceToken(name: string): string
}

/**
 * A relay inside the app, for the Demo workspace: the same server, streams and limits as
 * `relay serve`, with events and tokens in memory. It imports no database module (neither
 * better-sqlite3 nor a Redis client), so the desktop bundle carries none; test/main/demo checks it.
 */
export async function startEmbeddedRelay(options: RelayServeOptions): Promise<EmbeddedRelay> {
  const tokens = createMemoryTokenStore(options.now)
  const relay = await startRelayOn(
    async () => ({ store: createMemoryEventStore(), tokens }),
    options,
  )
  return {
    relay,
    createDeviceToken: (name) => tokens.create(name),
  }
}
