import { useState, type FormEvent, type ReactElement } from 'react'
import { useAppServices } from '../app/services'
import type { WorkspaceEntry } from './settings-db'
import { addWorkspace, describeCapabilities, type SetupResult } from '../app/workspace-setup'
import { JsmFields } from './JsmConnectFields'
import {
  EMPTY_CONNECT_FORM,
  parseConnectForm,
  type ConnectFormValues,
  type FieldErrors,
} from './connect-form'

export interface ConnectWorkspaceFormProps {
  readonly takenIds: ReadonlySet<string>
  onConnected(entry: WorkspaceEntry): void
  readonly submitLabel?: string
}

/**
 * Name, host, API key, optional relay: the key is sent once to main's keychain and the field is
 * cleared; `workspace:connect` validates it and the capabilities (or why it is read-only) show.
 */
export function ConnectWorkspaceForm(props: ConnectWorkspaceFormProps): ReactElement {
  const { api, settings } = useAppServices()
  const [values, setValues] = useState<ConnectFormValues>(EMPTY_CONNECT_FORM)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<SetupResult | undefined>()
  const set = (patch: Partial<ConnectFormValues>): void => setValues((v) => ({ ...v, ...patch }))

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const parsed = parseConnectForm(values, props.takenIds)
    if (!parsed.ok) return setErrors(parsed.errors)
    setErrors({})
    setBusy(true)
    const outcome = await addWorkspace(api, settings, parsed)
    setBusy(false)
    setResult(outcome)
    set({ apiKey: '', relayToken: '' })
  }

  const field = (
    key: keyof ConnectFormValues,
    label: string,
    input: ReactElement,
  ): ReactElement => (
    <div className="field">
      <label htmlFor={`connect-${key}`}>{label}</label>
      {input}
      {errors[key] !== undefined && (
        <p id={`connect-${key}-error`} className="error" role="alert">
          {errors[key]}
        </p>
      )}
    </div>
  )
  const described = (
    key: keyof ConnectFormValues,
  ): { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string } => ({
    id: `connect-${key}`,
    'aria-invalid': errors[key] !== undefined,
    ...(errors[key] !== undefined ? { 'aria-describedby': `connect-${key}-error` } : {}),
  })

  return (
    <form
      className="connect-form"
      aria-label="Connect a workspace"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {field(
        'name',
        'Workspace name',
        <input
          {...described('name')}
          value={values.name}
          onChange={(e) => set({ name: e.target.value })}
        />,
      )}
      {field(
        'provider',
        'Paging service',
        <select
          {...described('provider')}
          value={values.provider}
          onChange={(e) => set({ provider: e.target.value as ConnectFormValues['provider'] })}
        >
          <option value="opsgenie">Opsgenie</option>
          <option value="jsm">Jira Service Management</option>
        </select>,
      )}
      {values.provider === 'jsm' ? (
        <JsmFields field={field} described={described} values={values} set={set} />
      ) : (
        <>
          {field(
            'hostKind',
            'Opsgenie host',
            <select
              {...described('hostKind')}
              value={values.hostKind}
              onChange={(e) => set({ hostKind: e.target.value as ConnectFormValues['hostKind'] })}
            >
              <option value="us">US (api.opsgenie.com)</option>
              <option value="eu">EU (api.eu.opsgenie.com)</option>
              <option value="custom">Custom URL</option>
            </select>,
          )}
          {values.hostKind === 'custom' &&
            field(
              'customUrl',
              'API URL',
              <input
                {...described('customUrl')}
                type="url"
                value={values.customUrl}
                onChange={(e) => set({ customUrl: e.target.value })}
              />,
            )}
          <p className="muted" id="api-key-advice">
            Use a key from a global API integration owned by a dedicated service account, so paging
            keeps working when a person leaves. A team key works too, but Ondeck then sees only that
            team&apos;s alerts and incidents and cannot list users. The key goes to your system
            keychain and never back to this screen.
          </p>
          {field(
            'apiKey',
            'API key',
            <input
              {...described('apiKey')}
              type="password"
              autoComplete="off"
              value={values.apiKey}
              onChange={(e) => set({ apiKey: e.target.value })}
            />,
          )}
        </>
      )}
      {field(
        'username',
        values.provider === 'jsm'
          ? 'Your username (optional: the e-mail above is used when empty)'
          : 'Your Opsgenie username (optional: “Mine” and “am I on call?”; On call can pick it later)',
        <input
          {...described('username')}
          value={values.username}
          onChange={(e) => set({ username: e.target.value })}
        />,
      )}
      <fieldset>
        <legend>Relay (optional: instant updates instead of polling)</legend>
        {field(
          'relayUrl',
          'Relay URL',
          <input
            {...described('relayUrl')}
            type="url"
            value={values.relayUrl}
            onChange={(e) => set({ relayUrl: e.target.value })}
          />,
        )}
        {field(
          'relayToken',
          'Device token',
          <input
            {...described('relayToken')}
            type="password"
            autoComplete="off"
            value={values.relayToken}
            onChange={(e) => set({ relayToken: e.target.value })}
          />,
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Connecting…' : (props.submitLabel ?? 'Connect')}
      </button>
      {result !== undefined && !result.ok && (
        <p className="error" role="alert">
          {result.error}
        </p>
      )}
      {result?.ok === true && (
        <div className="capabilities" role="status">
          <p>Connected to {result.entry.config.name}.</p>
          <ul>
            {describeCapabilities(result.capabilities).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => props.onConnected(result.entry)}>
            Open {result.entry.config.name}
          </button>
        </div>
      )}
    </form>
  )
}
