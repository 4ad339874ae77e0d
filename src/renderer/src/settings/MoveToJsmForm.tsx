import { useState, type FormEvent, type ReactElement } from 'react'
import { useAppServices } from '../app/services'
import { describeCapabilities } from '../app/workspace-setup'
import { moveWorkspaceToJsm, type MoveResult } from '../migration/move-workspace'
import { ConnectFormValues, EMPTY_CONNECT_FORM, type FieldErrors } from './connect-form'
import { JsmFields } from './JsmConnectFields'
import { MoveReportView } from './MoveReportView'
import type { WorkspaceEntry } from './settings-db'

export interface MoveToJsmFormProps {
  readonly entry: WorkspaceEntry
  /** The moved workspace, to open it again on its new provider. */
  onMoved(entry: WorkspaceEntry): void
}

/**
 * "Move to Jira Service Management" on an Opsgenie workspace: the JSM part of the connect form
 * (same checks), then `moveWorkspaceToJsm` keeps the workspace id and carries the local data
 * over. The token goes to main's keychain through `workspace:setSecret` and the field is cleared.
 */
export function MoveToJsmForm(props: MoveToJsmFormProps): ReactElement {
  const services = useAppServices()
  const { entry } = props
  const [values, setValues] = useState<ConnectFormValues>({
    ...EMPTY_CONNECT_FORM,
    name: entry.config.name,
    provider: 'jsm',
    email: entry.username?.includes('@') === true ? entry.username : '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<MoveResult | undefined>()
  const set = (patch: Partial<ConnectFormValues>): void => setValues((v) => ({ ...v, ...patch }))
  const idOf = (key: keyof ConnectFormValues): string => `move-${entry.id}-${key}`

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const parsed = ConnectFormValues.safeParse(values)
    if (!parsed.success) {
      const found: FieldErrors = {}
      for (const issue of parsed.error.issues)
        found[issue.path[0] as keyof ConnectFormValues] ??= issue.message
      return setErrors(found)
    }
    setErrors({})
    setBusy(true)
    const [cache, coordination] = await Promise.all([
      services.openCache(entry.id),
      services.openCoordination(entry.id),
    ])
    try {
      const v = parsed.data
      const deps = { api: services.api, settings: services.settings, outbox: services.outbox }
      setResult(
        await moveWorkspaceToJsm({ ...deps, cache, coordination }, entry, {
          siteUrl: v.siteUrl,
          email: v.email,
          apiToken: v.apiKey,
          apiUrl: v.apiUrl,
          incidentProject: v.incidentProject,
        }),
      )
    } catch (error) {
      setResult({ ok: false, error: error instanceof Error ? error.message : String(error) })
    } finally {
      cache.close()
      coordination.close()
      setBusy(false)
      set({ apiKey: '' })
    }
  }

  const field = (
    key: keyof ConnectFormValues,
    label: string,
    input: ReactElement,
  ): ReactElement => (
    <div className="field">
      <label htmlFor={idOf(key)}>{label}</label>
      {input}
      {errors[key] !== undefined && (
        <p id={`${idOf(key)}-error`} className="error" role="alert">
          {errors[key]}
        </p>
      )}
    </div>
  )
  const described = (
    key: keyof ConnectFormValues,
  ): { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string } => ({
    id: idOf(key),
    'aria-invalid': errors[key] !== undefined,
    ...(errors[key] !== undefined ? { 'aria-describedby': `${idOf(key)}-error` } : {}),
  })

  if (result?.ok === true)
    return (
      <div className="move-to-jsm" role="status">
        <p>
          {entry.config.name} is now on Jira Service Management ({result.entry.config.host}).
        </p>
        <ul>
          {describeCapabilities(result.capabilities).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <MoveReportView report={result.report} />
        <button type="button" className="primary" onClick={() => props.onMoved(result.entry)}>
          Open {entry.config.name}
        </button>
      </div>
    )
  return (
    <form
      className="connect-form move-to-jsm"
      aria-label={`Move ${entry.config.name} to Jira Service Management`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <p className="muted">
        Opsgenie accounts move to Jira Service Management Operations. The workspace keeps its local
        incidents, workflows and history: alerts are matched to their JSM alerts, workflow targets
        are found again by name, and actions still queued for Opsgenie wait in the Outbox for you to
        send them to JSM.
      </p>
      <JsmFields field={field} described={described} values={values} set={set} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Moving…' : 'Move to Jira Service Management'}
      </button>
      {result !== undefined && !result.ok && (
        <p className="error" role="alert">
          {result.error}
        </p>
      )}
    </form>
  )
}
