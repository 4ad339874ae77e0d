import { useEffect, type ReactElement } from 'react'
import type { NotificationCenter } from '../notifications'
import { AlarmBanner, RingingCount } from '../notifications/AlarmBanner'
import { acknowledgeAllRinging, useRingingRegistry } from '../notifications/ringing-registry'
import { useAlertCommands } from '../alerts/use-alert-commands'
import { useWorkspace } from './workspace-context'
import { readAlertsPaged } from '../db/alert-set'
import { navigateToAlert } from './navigate'
import { OtherWorkspacesRinging } from './OtherWorkspacesRinging'
import type { WorkspaceEntry } from '../settings/settings-db'

/**
 * Rebuilds what rings from the workspace's cache when it opens (a reload, or P1s already open at
 * launch): the ringing rules decide, not whether the alert is new.
 */
export function useRestoreRinging(center: NotificationCenter | undefined): void {
  const { db } = useWorkspace()
  useEffect(() => {
    if (center === undefined) return undefined
    let live = true
    // In pages (one read of 100,000 open alerts is a task of most of a second on this thread), and
    // not after the list's first screen: what rings matters as much as what shows.
    void readAlertsPaged(db, 'open')
      .then(async (open) => {
        if (!live) return
        center.restore(open)
        // A change that came while the pages were read may be newer than its page, and found
        // nothing ringing to stop: settle what now rings on its current row.
        const ringing = center.alarm.getState().ringing
        const rows = await db.alerts.bulkGet([...ringing])
        if (!live) return
        for (const alert of rows)
          if (alert !== undefined) center.handleChange({ kind: 'updated', alert }, 'catch-up')
      })
      .catch((error: unknown) => console.error(`could not restore what rings: ${String(error)}`))
    return () => {
      live = false
    }
  }, [db, center])
}

/**
 * The ringing alarm of the workspace on screen, in the page flow, and under it what rings in the
 * other connected workspaces. Acknowledging goes through `useAlertCommands().run`, the one action
 * path; "Acknowledge all ringing" (and `a`, and the desktop's global shortcut, which every
 * workspace's center answers) acknowledges what rings in every workspace, each in its own.
 */
export function WorkspaceAlarm(props: {
  center: NotificationCenter
  enableSound(): void
  onOpen(entry: WorkspaceEntry): void
}): ReactElement {
  const { center } = props
  const { config } = useWorkspace()
  const { run } = useAlertCommands()
  useRestoreRinging(center)
  const othersRing = useRingingRegistry((s) =>
    Object.entries(s.byWorkspace).some(
      ([id, entry]) => id !== config.id && entry.ringing.length > 0,
    ),
  )

  return (
    <>
      <AlarmBanner
        alarm={center.alarm}
        acknowledge={(alertId) => void run({ action: 'acknowledge', alertId, args: {} })}
        acknowledgeRinging={() =>
          void (othersRing ? acknowledgeAllRinging() : center.acknowledgeRinging())
        }
        silence={(ms) => center.silence(ms)}
        open={navigateToAlert}
        enableSound={props.enableSound}
        {...(othersRing ? { alsoElsewhere: true } : {})}
      />
      <OtherWorkspacesRinging shownId={config.id} onOpen={props.onOpen} />
    </>
  )
}

/** The header's ringing count (and the window title): what rings in every connected workspace. */
export function WorkspaceRingingCount(): ReactElement {
  return <RingingCount />
}
