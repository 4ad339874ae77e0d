import type { ReactElement } from 'react'
import { useLiveQuery } from '../db/use-live-query'
import { AlarmIcon } from '../notifications/AlarmIcon'
import { useRingingRegistry } from '../notifications/ringing-registry'
import type { WorkspaceEntry } from '../settings/settings-db'
import { navigateToAlert } from './navigate'
import { useWorkspaceRuntimes, type WorkspaceRuntime } from './workspace-runtimes'
import { plural } from '../components/format'
import { KeyHint } from '../components/KeyHint'
import { KEYMAP } from '../keyboard/keymap'

/**
 * What rings in the connected workspaces that are not on screen, one line each under the alarm
 * banner: the workspace, how many ring and the oldest one, with Acknowledge (in that workspace's
 * outbox) and Show (puts the workspace on screen with the alert selected).
 */
export function OtherWorkspacesRinging(props: {
  shownId: string
  onOpen(entry: WorkspaceEntry): void
}): ReactElement | null {
  const byWorkspace = useRingingRegistry((s) => s.byWorkspace)
  const runtimes = useWorkspaceRuntimes((s) => s.byId)
  const lines = Object.entries(byWorkspace).flatMap(([id, alarm]) => {
    const runtime = runtimes[id]
    if (id === props.shownId || alarm.ringing.length === 0 || runtime === undefined) return []
    return [{ runtime, ringing: alarm.ringing, acknowledgeRinging: alarm.acknowledgeRinging }]
  })
  const total = Object.values(byWorkspace).reduce((sum, alarm) => sum + alarm.ringing.length, 0)
  if (lines.length === 0) return null
  return (
    <section
      className="alarm-banner alarm-banner--elsewhere"
      aria-label="Ringing in other workspaces"
    >
      {lines.map((line) => (
        <ElsewhereLine
          key={line.runtime.entry.id}
          {...line}
          // `a` acknowledges what rings everywhere: it is this button's key when this is all
          onlyRinging={line.ringing.length === total}
          onOpen={props.onOpen}
        />
      ))}
    </section>
  )
}

function ElsewhereLine(props: {
  runtime: WorkspaceRuntime
  ringing: readonly string[]
  acknowledgeRinging(): readonly string[]
  onlyRinging: boolean
  onOpen(entry: WorkspaceEntry): void
}): ReactElement {
  const { runtime, ringing } = props
  const firstId = ringing[0]
  const first = useLiveQuery(
    async () =>
      firstId === undefined ? undefined : ((await runtime.db.alerts.get(firstId)) ?? null),
    [runtime.db, firstId],
  )
  const name = runtime.entry.config.name
  return (
    <div className="alarm-banner__row" role="alert" data-workspace-id={runtime.entry.id}>
      <AlarmIcon className="alarm-banner__icon" />
      <p className="alarm-banner__text">
        <strong>
          {name}: {plural(ringing.length, 'alert')} ringing:
        </strong>{' '}
        {first === undefined || first === null ? '…' : `${first.priority} ${first.message}`}
      </p>
      <div className="button-row">
        <button
          type="button"
          className={props.onlyRinging ? 'primary' : undefined}
          onClick={() => void props.acknowledgeRinging()}
        >
          Acknowledge in {name}
          {props.onlyRinging && (
            <>
              {' '}
              <KeyHint keys={KEYMAP.acknowledge} />
            </>
          )}
        </button>
        <button
          type="button"
          onClick={() => {
            props.onOpen(runtime.entry)
            if (firstId !== undefined) navigateToAlert(firstId)
          }}
        >
          Show {name}
        </button>
      </div>
    </div>
  )
}
