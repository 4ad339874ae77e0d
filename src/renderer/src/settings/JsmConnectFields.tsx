import type { ReactElement } from 'react'
import { JSM_API_URL, type ConnectFormValues } from './connect-form'

type Key = keyof ConnectFormValues

export interface JsmFieldsProps {
  readonly values: ConnectFormValues
  set(patch: Partial<ConnectFormValues>): void
  field(key: Key, label: string, input: ReactElement): ReactElement
  described(key: Key): { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }
}

/**
 * The Jira Service Management part of the connect form: site, e-mail, API token, the incident
 * project, and under "Advanced" the API URL (the simulator's, for tests). The token acts
 * with this person's operations roles; main checks what it can do and the result says what will
 * not work.
 */
export function JsmFields({ values, set, field, described }: JsmFieldsProps): ReactElement {
  return (
    <>
      {field(
        'siteUrl',
        'Site URL',
        <input
          {...described('siteUrl')}
          type="url"
          placeholder="https://example.atlassian.net"
          value={values.siteUrl}
          onChange={(e) => set({ siteUrl: e.target.value })}
        />,
      )}
      {field(
        'email',
        'E-mail of your Atlassian account',
        <input
          {...described('email')}
          type="email"
          autoComplete="username"
          value={values.email}
          onChange={(e) => set({ email: e.target.value })}
        />,
      )}
      <p className="muted" id="api-token-advice">
        Create an API token at id.atlassian.com (Security, API tokens). Ondeck then acts as you,
        with your operations roles: a role that cannot acknowledge alerts gives a read-only
        workspace, and the check after connecting says so. The token goes to your system keychain
        and never back to this screen.
      </p>
      {field(
        'apiKey',
        'API token',
        <input
          {...described('apiKey')}
          type="password"
          autoComplete="off"
          value={values.apiKey}
          onChange={(e) => set({ apiKey: e.target.value })}
        />,
      )}
      {field(
        'incidentProject',
        'Incident project key (the service project whose Incident issues are your incidents)',
        <input
          {...described('incidentProject')}
          placeholder="OPS"
          value={values.incidentProject}
          onChange={(e) => set({ incidentProject: e.target.value.toUpperCase() })}
        />,
      )}
      <details className="advanced">
        <summary>Advanced</summary>
        {field(
          'apiUrl',
          `API URL (default ${JSM_API_URL})`,
          <input
            {...described('apiUrl')}
            type="url"
            placeholder={JSM_API_URL}
            value={values.apiUrl}
            onChange={(e) => set({ apiUrl: e.target.value })}
          />,
        )}
      </details>
    </>
  )
}
