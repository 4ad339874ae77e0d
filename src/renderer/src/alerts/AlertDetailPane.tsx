import { useMemo, type ReactElement } from 'react'
import { useOutbox } from '../outbox/outbox-context'
import { useAlertCommands } from './use-alert-commands'
import { useWorkspace } from '../app/workspace-context'
import { useAlertViewStore } from './alert-view-store'
import { selectReadOnlyReason, useWorkspaceStore } from '../app/workspace-store'
import { useAlert, useTimeline } from '../db/alert-reads'
import { useDirectory } from '../db/directory-reads'
import { overlayRow, pendingAlertNotes } from './pending-rows'
import { targetsAlert } from '../outbox/overlay'
import { useOutboxCommands, usePendingOverlay } from '../outbox/use-outbox'
import { AlertDetail } from './AlertDetail'
import { directoryNames } from './directory-names'
import { timelineActor } from './timeline-actors'

/**
 * The detail of the selected alert: confirmed state from the cache with the outbox's pending
 * commands on top, pending notes in the timeline, and actions queued through the outbox.
 */
export function AlertDetailPane(props: {
  alertId: string | undefined
  /** Set when the current filters hide the selected alert: said above it, with a way back. */
  hiddenByFilters?: { onClear(): void; onClose(): void }
}): ReactElement {
  const { db, username } = useWorkspace()
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
  const directory = useDirectory(db)
  const names = useMemo(() => directoryNames(directory), [directory])
  const usernames = useMemo(
    () => new Set((directory?.users ?? []).map((u) => u.username)),
    [directory],
  )
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
  const hidden = props.hiddenByFilters
  return (
    <>
      {hidden !== undefined && (
        <p className="detail-hidden" role="status" data-testid="detail-hidden">
          #{alert.tinyId} is not in the list: the current filters hide it.{' '}
          <button type="button" className="link" onClick={hidden.onClear}>
            Clear filters
          </button>{' '}
          <button type="button" className="link" onClick={hidden.onClose}>
            Close
          </button>
        </p>
      )}
      <AlertDetail
        alert={alert}
        timeline={timeline ?? []}
        pendingNotes={notes}
        {...(lastCommand !== undefined ? { lastCommand } : {})}
        failedCommands={mine.filter((c) => c.state === 'failed')}
        onAction={(request) => void run(request)}
        {...(refusal !== undefined ? { refusal } : {})}
        {...(readOnlyReason !== undefined ? { readOnlyReason } : {})}
        usernames={[...usernames].sort()}
        names={names}
        actorName={(entry) => timelineActor(entry, mine, username, usernames)}
      />
    </>
  )
}
