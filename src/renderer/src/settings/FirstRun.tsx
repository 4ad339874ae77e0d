import { useState, type ReactElement } from 'react'
import { useAppServices } from '../app/services'
import type { WorkspaceEntry } from './settings-db'
import { addDemoWorkspace } from '../app/workspace-setup'
import { ConnectWorkspaceForm } from './ConnectWorkspaceForm'

/**
 * Browser mode (no preload API on `window`) stores keys under its own keychain service, apart
 * from the desktop app's: a browser tab is reachable by anyone holding its launch URL and runs
 * beside other sites and extensions, so it must never be a way to the desktop app's keys. Said
 * here because it means entering a workspace's key again in the browser.
 */
const BROWSER_MODE_NOTE =
  'Browser mode keeps its own keys: a workspace connected here is stored in your system ' +
  'keychain under “ondeck-browser-mode”, apart from the desktop app’s keys, which this tab can ' +
  'never read. To use a workspace from the desktop app here, enter its API key again here.'

/** First run: connect a real workspace, or try the Demo workspace (a local simulator). */
export function FirstRun(props: {
  savedWorkspaces: readonly WorkspaceEntry[]
  onOpen(entry: WorkspaceEntry): void
}): ReactElement {
  const { api, settings } = useAppServices()
  const [demoError, setDemoError] = useState<string | undefined>()
  const [demoBusy, setDemoBusy] = useState(false)

  const openDemo = async (): Promise<void> => {
    setDemoBusy(true)
    setDemoError(undefined)
    const result = await addDemoWorkspace(api, settings)
    setDemoBusy(false)
    if (result.ok) props.onOpen(result.entry)
    else setDemoError(result.error)
  }

  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Welcome to Ondeck</h1>
      {props.savedWorkspaces.length > 0 && (
        <section aria-labelledby="saved-title">
          <h2 id="saved-title">Your workspaces</h2>
          <ul className="plain-list">
            {props.savedWorkspaces.map((w) => (
              <li key={w.id}>
                <button type="button" onClick={() => props.onOpen(w)}>
                  Open {w.config.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="first-run__choices">
        <section className="card" aria-labelledby="connect-title">
          <h2 id="connect-title">Connect a workspace</h2>
          {window.ondeck === undefined && <p className="muted">{BROWSER_MODE_NOTE}</p>}
          <ConnectWorkspaceForm
            takenIds={new Set(props.savedWorkspaces.map((w) => w.id))}
            onConnected={props.onOpen}
          />
        </section>
        <section className="card" aria-labelledby="demo-title">
          <h2 id="demo-title">Try the Demo workspace</h2>
          <p>
            A simulated Opsgenie account on this computer, with alerts arriving every few seconds.
            Nothing leaves your machine.
          </p>
          <button
            type="button"
            className="primary"
            disabled={demoBusy}
            onClick={() => void openDemo()}
          >
            {demoBusy ? 'Starting the demo…' : 'Try the Demo workspace'}
          </button>
          {demoError !== undefined && (
            <p className="error" role="alert">
              {demoError}
            </p>
          )}
        </section>
      </div>
    </main>
  )
}
