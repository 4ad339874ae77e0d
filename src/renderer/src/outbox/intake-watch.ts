import type { OndeckApi } from '../../../shared/ipc/api'
import type { ConnectionHealth } from '../../../shared/ipc/schemas'
import type { OutboxEngine } from './engine'
import { intakeObservation } from './observe'

/**
 * The workspace's intake as the engine needs it: whether its relay stream is live (then a
 * command's own webhook is expected to confirm it), what each event shows by itself (notes, API
 * reads), and signs of life that wake lanes waiting for the network: the browser or OS saying
 * online, the intake leaving "offline" (the relay reconnected, a poll answered). Answers the
 * `observing` reader and a function that unsubscribes everything.
 */
export function watchIntake(
  api: OndeckApi,
  workspaceId: string,
  engine: () => OutboxEngine | undefined,
): { observing(): boolean; stop(): void } {
  // From health events; when none has come yet (the intake went live before the engine listened),
  // main is asked the first time it matters: a command was accepted, so the workspace is
  // connected. Until the answer, commands are followed by request id (never wrong, a request
  // dearer).
  let health: ConnectionHealth['state'] | undefined
  let asking = false
  const ask = (): void => {
    if (asking) return
    asking = true
    void api.intake
      .health({ workspaceId })
      .then((answer) => {
        if (answer.ok && health === undefined) setHealth(answer.value.state)
      })
      .catch(() => undefined)
      .finally(() => {
        asking = false
      })
  }
  const setHealth = (next: ConnectionHealth['state']): void => {
    const before = health
    health = next
    if (next !== 'offline' && next !== before) engine()?.wake()
  }
  const online = (): void => engine()?.wake()
  const browser = typeof window === 'undefined' ? undefined : window
  browser?.addEventListener('online', online)
  const offHealth = api.intake.onHealth((h) => {
    if (h.workspaceId === workspaceId) setHealth(h.state)
  })
  const offEvents = api.intake.onEvent((event) => {
    if (event.workspaceId !== workspaceId) return
    const seen = intakeObservation(event.payload)
    if (seen !== undefined) engine()?.observe(seen)
  })
  return {
    observing: () => {
      if (health === undefined) ask()
      return health === 'live'
    },
    stop: () => {
      browser?.removeEventListener('online', online)
      offHealth()
      offEvents()
    },
  }
}
