import { useState, type ReactElement } from 'react'
import { useAppServices } from '../app/services'
import type { WorkspaceEntry } from './settings-db'
import { describeCapabilities, removeWorkspace, validateWorkspace } from '../app/workspace-setup'
import { useLiveQuery } from '../db/use-live-query'
import { ConnectWorkspaceForm } from './ConnectWorkspaceForm'
import { MoveToJsmForm } from './MoveToJsmForm'
import {
  pointsToReentry,
  reenterLabel,
  ReenterSecretForm,
  type ReenterKind,
} from './ReenterSecretForm'

export interface WorkspaceSettingsProps {
  readonly activeId?: string
  onOpen(entry: WorkspaceEntry): void
  onRemoved(workspaceId: string): void
}

/** Saved workspaces: validate, re-enter a key, set who "me" is, open, remove; and add another. */
export function WorkspaceSettings(props: WorkspaceSettingsProps): ReactElement {
  const { settings } = useAppServices()
  const workspaces = useLiveQuery(
    () => settings.workspaces.orderBy('addedAt').toArray(),
    [settings],
  )
  const [adding, setAdding] = useState(false)

  return (
    <section aria-labelledby="workspaces-title">
      <h3 id="workspaces-title">Workspaces</h3>
      <ul className="plain-list">
        {workspaces?.map((w) => (
          <WorkspaceItem key={w.id} entry={w} active={w.id === props.activeId} {...props} />
        ))}
      </ul>
      <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
        {adding ? 'Cancel adding' : 'Add workspace'}
      </button>
      {adding && (
        <ConnectWorkspaceForm
          takenIds={new Set(workspaces?.map((w) => w.id))}
          submitLabel="Add and validate"
          onConnected={(entry) => {
            setAdding(false)
            props.onOpen(entry)
          }}
        />
      )}
    </section>
  )
}

function WorkspaceItem(
  props: WorkspaceSettingsProps & { entry: WorkspaceEntry; active: boolean },
): ReactElement {
  const { api, settings } = useAppServices()
  const { entry } = props
  const [message, setMessage] = useState<string[]>([])
  const [confirming, setConfirming] = useState(false)
  const [username, setUsername] = useState(entry.username ?? '')
  const [reentering, setReentering] = useState<ReenterKind | undefined>()
  const [moving, setMoving] = useState(false)
  const canMove = (entry.config.provider ?? 'opsgenie') === 'opsgenie' && !entry.config.demo
  const name = entry.config.name
  // The Demo workspace's secrets are throwaway ones main makes itself.
  const secrets: ReenterKind[] = entry.config.demo
    ? []
    : entry.config.relayUrl === undefined
      ? ['api-key']
      : ['api-key', 'relay-token']

  const validate = async (): Promise<void> => {
    setMessage(['Validating…'])
    const result = await validateWorkspace(api, entry)
    if (result.ok) return setMessage(describeCapabilities(result.capabilities))
    const reenter = pointsToReentry(result.error)
    setMessage([
      `Could not connect: ${result.error}`,
      ...(reenter === undefined ? [] : [`Use “${reenterLabel(reenter)}” below.`]),
    ])
    if (reenter !== undefined) setReentering(reenter)
  }
  const remove = async (): Promise<void> => {
    const problem = await removeWorkspace(api, settings, entry.id)
    props.onRemoved(entry.id)
    if (problem !== undefined) setMessage([problem])
  }
  const saveUsername = async (): Promise<void> => {
    const trimmed = username.trim()
    await settings.workspaces.update(entry.id, { username: trimmed === '' ? undefined : trimmed })
    setMessage([trimmed === '' ? 'Username cleared.' : `“Mine” now means ${trimmed}.`])
  }

  return (
    <li className="card" data-workspace-id={entry.id}>
      <h4>
        {name} {props.active && <span className="muted">(open)</span>}
      </h4>
      <p className="muted">
        Host: {String(entry.config.host)}
        {entry.config.relayUrl !== undefined && ` · relay ${entry.config.relayUrl}`}
        {entry.config.demo && ' · demo'}
      </p>
      <label className="field">
        <span>Your username in {name}</span>
        <input value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <div className="button-row">
        <button type="button" onClick={() => void saveUsername()}>
          Save username
        </button>
        {!props.active && (
          <button type="button" onClick={() => props.onOpen(entry)}>
            Open
          </button>
        )}
        <button type="button" onClick={() => void validate()}>
          Validate {name}
        </button>
        {secrets.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-expanded={reentering === kind}
            onClick={() => setReentering(reentering === kind ? undefined : kind)}
          >
            {reenterLabel(kind)}
          </button>
        ))}
        {canMove && (
          <button type="button" aria-expanded={moving} onClick={() => setMoving(!moving)}>
            Move to Jira Service Management
          </button>
        )}
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void remove()}>
              Confirm remove {name}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Remove {name}
          </button>
        )}
      </div>
      {moving && <MoveToJsmForm entry={entry} onMoved={props.onOpen} />}
      {reentering !== undefined && (
        <ReenterSecretForm
          key={reentering}
          entry={entry}
          kind={reentering}
          onResult={setMessage}
          onDone={() => setReentering(undefined)}
        />
      )}
      <ul className="plain-list" role="status" aria-live="polite">
        {message.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </li>
  )
}
