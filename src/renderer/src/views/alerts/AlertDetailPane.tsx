import type { ReactElement } from 'react'
import { useAlertCommands } from '../../app/use-alert-commands'
import { useWorkspace } from '../../app/workspace-context'
import { selectActionFor, useActionStore } from '../../stores/action-store'
import { selectReadOnlyReason, useWorkspaceStore } from '../../stores/workspace-store'
import { useAlert, useTimeline } from '../data/alerts'
import { useUsers } from '../data/directory'
import { AlertDetail } from './AlertDetail'

/** The detail of the selected alert, read live from the cache, with actions wired to the gateway. */
export function AlertDetailPane(props: { alertId: string | undefined }): ReactElement {
  const { db } = useWorkspace()
  const alert = useAlert(db, props.alertId)
  const timeline = useTimeline(db, 'alert', props.alertId)
  const users = useUsers(db)
  const lastAction = useActionStore(selectActionFor(props.alertId))
  const readOnlyReason = useWorkspaceStore(selectReadOnlyReason)
  const { run } = useAlertCommands()

  if (props.alertId === undefined) {
    return <p className="detail detail--empty muted">Select an alert to see its details.</p>
  }
  if (alert === undefined) return <p className="detail muted">Loading…</p>
  if (alert === null) return <p className="detail muted">This alert is no longer in the cache.</p>
  return (
    <AlertDetail
      alert={alert}
      timeline={timeline ?? []}
      onAction={(request) => void run(request)}
      {...(lastAction !== undefined ? { lastAction } : {})}
      {...(readOnlyReason !== undefined ? { readOnlyReason } : {})}
      usernames={(users ?? []).map((u) => u.username)}
    />
  )
}
