import { useEffect, useState } from 'react'
import { createOutboxEngine, type OutboxEngine } from './engine'
import { intakeObservation } from './observe'
import { outboxSettings, type OutboxSettingsInput } from './settings'
import type { OpenOutbox } from './outbox-context'
import { PREFERENCE_KEYS, PREFERENCE_SCHEMAS, readPreference } from '../settings/preferences'
import { useAppServices } from '../app/services'
import type { OndeckApi } from '../../../shared/ipc/api'
import type { ConnectionHealth } from '../../../shared/ipc/schemas'

/** The responder's outbox settings; an invalid combination falls back to the defaults, loudly. */
async function readOutboxSettings(
  services: ReturnType<typeof useAppServices>,
): Promise<OutboxSettingsInput> {
  const stored = await readPreference(
    services.settings,
    PREFERENCE_KEYS.outboxSettings,
    PREFERENCE_SCHEMAS.outboxSettings,
    {},
  )
  try {
    outboxSettings(stored)
    return stored
  } catch (error) {
    console.warn('ignoring the stored outbox settings', error)
    return {}
  }
}

/**
 * The workspace's intake as the engine needs it: whether its relay stream is live (then a
 * command's own webhook is expected to confirm it), what each event shows by itself (notes, API
 * reads), and signs of life that wake lanes waiting for the network: the browser or OS saying
 * online, the intake leaving "offline" (the relay reconnected, a poll answered). Answers the
 * `observing` reader and a function that unsubscribes everything.
 */
function watchIntake(
  api: OndeckApi,
  workspaceId: string,
  engine: () => OutboxEngine | undefined,
): { observing(): boolean; stop(): void } {
  let health: ConnectionHealth['state'] | undefined
  const setHealth = (next: ConnectionHealth['state']): void => {
    const before = health
    health = next
    if (next !== 'offline' && next !== before) engine()?.wake()
  }
  const online = (): void => engine()?.wake()
  window.addEventListener('online', online)
  const offHealth = api.intake.onHealth((h) => {
    if (h.workspaceId === workspaceId) setHealth(h.state)
  })
  const offEvents = api.intake.onEvent((event) => {
    if (event.workspaceId !== workspaceId) return
    const seen = intakeObservation(event.payload)
    if (seen !== undefined) engine()?.observe(seen)
  })
  // the health before the first change event (the intake may have started already)
  void api.intake
    .health({ workspaceId })
    .then((answer) => answer.ok && health === undefined && setHealth(answer.value.state))
    .catch(() => undefined)
  return {
    observing: () => health === 'live',
    stop: () => {
      window.removeEventListener('online', online)
      offHealth()
      offEvents()
    },
  }
}

/**
 * One outbox engine for the open workspace: made when it opens (replaying whatever an earlier
 * run left queued) and stopped when it closes. A stopped engine cannot restart, so each mount
 * makes its own (StrictMode mounts twice).
 */
export function useOutboxEngine(workspaceId: string): OpenOutbox | undefined {
  const services = useAppServices()
  const [open, setOpen] = useState<OpenOutbox | undefined>()

  useEffect(() => {
    let closed = false
    let stop: (() => void) | undefined
    void readOutboxSettings(services)
      .then(async (settings) => {
        if (closed) return
        const db = services.outbox
        const made: { engine?: OutboxEngine } = {}
        const intake = watchIntake(services.api, workspaceId, () => made.engine)
        const engine = createOutboxEngine({
          db,
          port: services.api,
          workspaceId,
          settings,
          observing: intake.observing,
          onError: (error) => console.error('outbox step failed', error),
        })
        made.engine = engine
        stop = () => {
          intake.stop()
          engine.stop()
        }
        setOpen({ db, engine, workspaceId })
        await engine.start()
      })
      .catch((error: unknown) => console.error('the outbox did not start', error))
    return () => {
      closed = true
      stop?.()
      setOpen(undefined)
    }
  }, [services, workspaceId])

  return open?.workspaceId === workspaceId ? open : undefined
}
