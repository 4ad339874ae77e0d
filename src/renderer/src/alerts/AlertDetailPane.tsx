import { useMemo, type ReactElement } from 'react'
import { useOutbox } from '../outbox/outbox-context'
import { useAlertCommands } from './use-alert-commands'
import { useWorkspace } from '../app/workspace-context'
import { useAlertViewStore } from './alert-view-store'
import { selectReadOnlyReason, useWorkspaceStore } from '../app/workspace-store'
import { useAlert, useTimeline } from '../db/alert-reads'
import { useUsers } from '../db/directory-reads'
import { overlayRow, pendingAlertNotes } from './pending-rows'
import { targetsAlert } from '../outbox/overlay'
import { useOutboxCommands, usePendingOverlay } from '../outbox/use-outbox'
import { AlertDetail } from './AlertDetail'

/**
 * The detail of the selected alert: confirmed state from the cache with the outbox's pending
 * commands on top, pending notes in the timeline, and actions queued through the outbox.
 */
export function AlertDetailPane(props: { alertId: string | undefined }): ReactElement {
  const { db } = useWorkspace()
  const outbox = useOutbox()
  const cached = useAlert(db, props.alertId)
  const timeline = useTimeline(db, 'alert', props.alertId)
  const overlay = usePendingOverlay(outbox.db, outbox.workspaceId)
  const commands = useOutboxCommands(outbox.db, outbox.workspaceId)
  const alert = useMemo(
    () => (cached ? overlayRow(cached, overlay.pending) : cached),
    [cached, overlay.pending],
  )
  const mine = useMemo(
    () => (cached ? commands.filter((c) => targetsAlert(c, cached)) : []),
    [cached, commands],
  )
  const notes = useMemo(
    () =>
      cached
        ? pendingAlertNotes(
            cached,
            overlay.pending,
            (timeline ?? []).map((t) => t.text ?? ''),
          )
        : [],
    [cached, overlay.pending, timeline],
  )
  const users = useUsers(db)
  const refusal = useAlertViewStore((s) =>
    props.alertId === undefined ? undefined : s.refusals[props.alertId],
  )
  const readOnlyReason = useWorkspaceStore(selectReadOnlyReason)
  const { run } = useAlertCommands()

  // the latest command on the alert, from whichever path (button, keyboard, notification) it came
  const lastCommand = mine[mine.length - 1]

  if (props.alertId === undefined) {
    return <p className="detail detail--empty muted">Select an alert to see its details.</p>
  }
  if (alert === undefined) return <p className="detail muted">Loading…</p>
  if (alert === null) return <p className="detail muted">This alert is no longer in the cache.</p>
  return (
    <AlertDetail
      alert={alert}
      timeline={timeline ?? []}
      pendingNotes={notes}
      {...(lastCommand !== undefined ? { lastCommand } : {})}
      failedCommands={mine.filter((c) => c.state === 'failed')}
      onAction={(request) => void run(request)}
      {...(refusal !== undefined ? { refusal } : {})}
      {...(readOnlyReason !== undefined ? { readOnlyReason } : {})}
      usernames={(users ?? []).map((u) => u.username)}
    />
  )
}
