import { useEffect, useState } from 'react'
import { createOutboxEngine, type OutboxEngine } from './engine'
import { watchIntake } from './intake-watch'
import { outboxSettings, type OutboxSettingsInput } from './settings'
import type { OpenOutbox } from './outbox-context'
import { PREFERENCE_KEYS, PREFERENCE_SCHEMAS, readPreference } from '../settings/preferences'
import { useAppServices } from '../app/services'

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
          // read before each step: a move to JSM (Settings) holds what was queued for Opsgenie
          currentProvider: async () =>
            (await services.settings.workspaces.get(workspaceId))?.config.provider ?? 'opsgenie',
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
