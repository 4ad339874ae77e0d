import { useState, type FormEvent, type ReactElement } from 'react'
import { useAppServices } from '../app/services'
import type { WorkspaceEntry } from './settings-db'
import { describeCapabilities, validateWorkspace } from '../app/workspace-setup'

export type ReenterKind = 'api-key' | 'relay-token'

const WHAT: Record<ReenterKind, { name: string; title: string }> = {
  'api-key': { name: 'API key', title: 'API key' },
  'relay-token': { name: 'relay token', title: 'Relay token' },
}

/** The button that opens the form; main's connect refusal names it (see `pointsToReentry`). */
export function reenterLabel(kind: ReenterKind): string {
  return `Re-enter ${WHAT[kind].name}`
}

/**
 * Which form main's refusal of a `workspace:connect` asks for: a secret stored before it was
 * bound to its host, or bound to another host than the workspace names now, is refused until it
 * is entered again (src/main/gateway/workspaces.ts names the button in its message).
 */
export function pointsToReentry(message: string): ReenterKind | undefined {
  if (message.includes(reenterLabel('api-key'))) return 'api-key'
  if (message.includes(reenterLabel('relay-token'))) return 'relay-token'
  return undefined
}

export interface ReenterSecretFormProps {
  readonly entry: WorkspaceEntry
  readonly kind: ReenterKind
  /** Result lines for the workspace's status list. */
  onResult(lines: string[]): void
  onDone(): void
}

/**
 * Writes a workspace's API key (or relay token) again, bound to the host (relay URL) the
 * workspace names now, then validates it: the way back from a refused connect that keeps the
 * workspace and its cache, where removing and adding it again would not. The value goes to main
 * once and is not kept here.
 */
export function ReenterSecretForm(props: ReenterSecretFormProps): ReactElement {
  const { api } = useAppServices()
  const { entry, kind } = props
  const { name, title } = WHAT[kind]
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const place = kind === 'api-key' ? String(entry.config.host) : (entry.config.relayUrl ?? '')

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const secret = value.trim()
    if (secret === '') return setError(`Enter the ${name}`)
    setError(undefined)
    setBusy(true)
    const workspaceId = entry.id
    const stored =
      kind === 'api-key'
        ? await api.workspace.setSecret({
            workspaceId,
            kind,
            value: secret,
            host: entry.config.host,
          })
        : await api.workspace.setSecret({ workspaceId, kind, value: secret, relayUrl: place })
    setValue('')
    if (!stored.ok) {
      setBusy(false)
      return props.onResult([`Could not store the ${name}: ${stored.error.message}`])
    }
    props.onResult([`${title} saved for ${place}.`, 'Validating…'])
    const result = await validateWorkspace(api, entry)
    setBusy(false)
    props.onResult([
      `${title} saved for ${place}.`,
      ...(result.ok
        ? describeCapabilities(result.capabilities)
        : [`Could not connect: ${result.error}`]),
    ])
    props.onDone()
  }

  return (
    <form
      className="stack"
      aria-label={`${reenterLabel(kind)} for ${entry.config.name}`}
      onSubmit={(e) => void submit(e)}
    >
      <label className="field">
        <span>
          New {name} for {entry.config.name}
        </span>
        <input
          type="password"
          autoComplete="off"
          value={value}
          aria-invalid={error !== undefined}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <p className="muted">Stored in the system keychain for {place} only.</p>
      {error !== undefined && <p role="alert">{error}</p>}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          Save {name}
        </button>
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
