import { useEffect, type ReactElement } from 'react'
import type { NotificationCenter } from '../notifications'
import { AlarmBanner, RingingCount } from '../notifications/AlarmBanner'
import { useAlertCommands } from '../alerts/use-alert-commands'
import { useAppServices } from './services'
import { useWorkspace } from './workspace-context'
import { navigateToAlert } from './navigate'

/**
 * The ringing alarm of the open workspace: rebuilds what rings from the cache when it opens (a
 * reload, or P1s already open at launch), renders the banner in the page flow, and answers the
 * desktop app's global shortcut (`notifications:acknowledgeRinging`). Acknowledging goes through
 * `useAlertCommands().run`, the one action path.
 */
export function WorkspaceAlarm(props: {
  center: NotificationCenter
  enableSound(): void
}): ReactElement {
  const { center } = props
  const { db } = useWorkspace()
  const { api } = useAppServices()
  const { run } = useAlertCommands()

  useEffect(() => {
    let live = true
    void db.alerts
      .where('status')
      .equals('open')
      .toArray()
      // oldest first, as live ringing is: the banner names the one that has waited longest
      .then((open) => live && center.restore(open.sort((a, b) => a.createdMs - b.createdMs)))
    return () => {
      live = false
    }
  }, [db, center])

  useEffect(
    () => api.notifications.onAcknowledgeRinging(() => void center.acknowledgeRinging()),
    [api, center],
  )

  return (
    <AlarmBanner
      alarm={center.alarm}
      acknowledge={(alertId) => void run({ action: 'acknowledge', alertId, args: {} })}
      acknowledgeRinging={() => void center.acknowledgeRinging()}
      silence={(ms) => center.silence(ms)}
      open={navigateToAlert}
      enableSound={props.enableSound}
    />
  )
}

/** The header's ringing count (and the window title), for the open workspace. */
export function WorkspaceRingingCount(props: { center: NotificationCenter }): ReactElement {
  return <RingingCount alarm={props.center.alarm} />
}
