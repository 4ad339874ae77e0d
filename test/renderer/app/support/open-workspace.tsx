import { render, screen } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import type { Alert } from '../../../../src/shared/domain'
import type { IntakeEvent } from '../../../../src/shared/ipc/schemas'
import { App } from '../../../../src/renderer/src/App'
import { PREFERENCE_KEYS, writePreference } from '../../../../src/renderer/src/settings/preferences'
import type { SessionIngest } from '../../../../src/renderer/src/app/services'
import type { OutboxSettingsInput } from '../../../../src/renderer/src/outbox/settings'
import { toAlertRow } from '../../../../src/renderer/src/db/derive'
import type { AlertChange } from '../../../../src/renderer/src/sync'
import { FULL_CAPABILITIES, ok, type FakeHandlers } from './fake-api'
import { harness, type TestHarness } from './render'

/** The alerts an event in these tests carries: an `alert` domain event. */
export function alertEvent(
  workspaceId: string,
  alert: Alert,
  source: IntakeEvent['source'] = 'relay',
): IntakeEvent {
  return {
    workspaceId,
    cursor: alert.updatedAt,
    source,
    receivedAt: Date.now(),
    payload: { kind: 'alert', alert },
  }
}

/**
 * A stand-in for `src/sync`'s ingest (tested on its own): writes each event's alert and reports
 * the change the way the real one does, so the app's wiring sees the real shape.
 */
function recordingIngest(t: TestHarness): SessionIngest {
  return {
    async applyBatch(events) {
      const changes: AlertChange[] = []
      for (const event of events) {
        if (event.payload.kind !== 'alert') continue
        const alert = toAlertRow(event.payload.alert)
        const before = await t.db.alerts.get(alert.id)
        await t.db.alerts.put(alert)
        const kind =
          before === undefined
            ? 'created'
            : before.status === 'open' && alert.status === 'closed'
              ? 'closed'
              : !before.acknowledged && alert.acknowledged
                ? 'acknowledged'
                : 'updated'
        changes.push({ kind, alert, live: event.source !== 'reconcile' })
      }
      return { changes }
    },
  }
}

export interface OpenedWorkspace {
  readonly t: TestHarness
  readonly user: UserEvent
  /** `notifications:show` requests main received. */
  readonly shown: { id: string; title: string }[]
  readonly tray: { state: string; openAlerts: number }[]
  /** The tray's queued-command count, each time the app pushed a tray status. */
  readonly trayQueued: number[]
  /** The tray's ringing count (the tooltip's "N alerts ring"), each time it was pushed. */
  readonly trayRinging: (number | undefined)[]
}

/**
 * The whole App on the Demo path, with a fake main answering what the wiring needs. The
 * outbox's tuning comes from the stored preference, as in the app (fast by default here).
 */
export async function openWorkspace(
  handlers: FakeHandlers = {},
  options: {
    outboxSettings?: OutboxSettingsInput
    /** Fills the cache before the app opens it, as an earlier run left it. */
    before?: (t: TestHarness) => Promise<void>
  } = {},
): Promise<OpenedWorkspace> {
  const shown: { id: string; title: string }[] = []
  const tray: { state: string; openAlerts: number }[] = []
  const trayQueued: number[] = []
  const trayRinging: (number | undefined)[] = []
  let id = ''
  const t = await harness(
    {
      'workspace:openDemo': () =>
        ok({ id, name: 'Demo', host: 'http://127.0.0.1:4010', demo: true }),
      'workspace:connect': () => ok(FULL_CAPABILITIES),
      'intake:start': (input) => ok({ workspaceId: input.workspaceId, state: 'live' as const }),
      'notifications:show': (request) => {
        shown.push({ id: request.id, title: request.title })
        return ok({ shown: true })
      },
      'tray:setStatus': (status) => {
        tray.push({ state: status.state, openAlerts: status.openAlerts })
        trayQueued.push(status.queuedCommands)
        trayRinging.push(status.ringingCount)
        return ok({})
      },
      'alerts:acknowledge': () => ok({ status: 'confirmed' as const }),
      'alerts:close': () => ok({ status: 'confirmed' as const }),
      ...handlers,
    },
    { startEngine: false },
  )
  id = t.workspaceId
  await writePreference(
    t.services.settings,
    PREFERENCE_KEYS.outboxSettings,
    // no Undo hold unless a test is about it: the action path's tests want the send at once
    options.outboxSettings ?? {
      followIntervalMs: 5,
      backoffBaseMs: 5,
      reconcileAfterMs: 20,
      undoHoldMs: 0,
    },
  )
  await options.before?.(t)
  const services = { ...t.services, createIngest: () => recordingIngest(t) }
  render(<App services={services} hash="#demo" />)
  await screen.findByRole('navigation', { name: 'Views' })
  return { t, user: userEvent.setup(), shown, tray, trayQueued, trayRinging }
}
