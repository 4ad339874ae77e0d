import type { ReactElement, ReactNode } from 'react'
import { assertNever } from '../../../shared/assert-never'
import { StatusBar } from '../components/StatusBar'
import { ViewErrorBoundary } from '../components/ViewErrorBoundary'
import { useNavigationStore, VIEWS, type ViewName } from './navigation-store'
import { useStatusStore } from './status-store'
import { useWorkspaceStore } from './workspace-store'
import { AlertsView } from '../alerts/AlertsView'
import { CoordinationView } from '../incidents/CoordinationView'
import { DiagnosticsView } from '../diagnostics/DiagnosticsView'
import { IncidentsView } from '../incidents/IncidentsView'
import { OnCallView } from '../on-call/OnCallView'
import { OutboxView } from '../outbox/OutboxView'
import { ServicesView } from '../services/ServicesView'
import { SettingsView } from '../settings/SettingsView'
import type { WorkspaceSettingsProps } from '../settings/WorkspaceSettings'
import { VIEW_LABELS } from './palette-commands'
import { useWorkspace } from './workspace-context'

export interface AppShellProps extends Omit<WorkspaceSettingsProps, 'activeId'> {
  /** Overlays owned by other modules (command palette, ringing alarm), drawn above the views. */
  readonly overlays?: ReactNode
  /** The ringing alarm: in the page flow under the header, so it pushes the views down. */
  readonly alarm?: ReactNode
  /** Short live status beside the title (the ringing count), where a narrow window keeps it. */
  readonly headerStatus?: ReactNode
}

function View(props: { view: ViewName } & AppShellProps & { activeId: string }): ReactElement {
  switch (props.view) {
    case 'alerts':
      return <AlertsView />
    case 'incidents':
      return <IncidentsView />
    case 'coordination':
      return <CoordinationView />
    case 'services':
      return <ServicesView />
    case 'on-call':
      return <OnCallView />
    case 'outbox':
      return <OutboxView />
    case 'settings':
      return (
        <SettingsView activeId={props.activeId} onOpen={props.onOpen} onRemoved={props.onRemoved} />
      )
    case 'diagnostics':
      return <DiagnosticsView />
    default:
      return assertNever(props.view, 'view')
  }
}

/** Navigation, the current view and the status bar of an open workspace. */
export function AppShell(props: AppShellProps): ReactElement {
  const { config } = useWorkspace()
  const view = useNavigationStore((s) => s.view)
  const go = useNavigationStore((s) => s.go)
  const health = useStatusStore((s) => s.health)
  const lastEventAt = useStatusStore((s) => s.lastEventAt)
  const queued = useStatusStore((s) => s.queued)
  const error = useWorkspaceStore((s) => (s.phase === 'failed' ? s.error : undefined))

  return (
    <div className="shell">
      <header className="shell__header">
        <h1 className="shell__title">Ondeck</h1>
        {props.headerStatus}
        <nav aria-label="Views">
          <ul className="nav">
            {VIEWS.map((v) => (
              <li key={v}>
                <button
                  type="button"
                  aria-current={view === v ? 'page' : undefined}
                  onClick={() => go(v)}
                >
                  {VIEW_LABELS[v]}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {props.alarm}
      {error !== undefined && (
        <p className="banner banner--error" role="alert">
          {config.name}: {error}. Showing what is in the local cache.
        </p>
      )}
      <main className="shell__main" id="main">
        <ViewErrorBoundary key={view} name={VIEW_LABELS[view]}>
          <View
            view={view}
            activeId={config.id}
            onOpen={props.onOpen}
            onRemoved={props.onRemoved}
          />
        </ViewErrorBoundary>
      </main>
      {props.overlays}
      <StatusBar
        workspaceName={config.name}
        queued={queued}
        {...(health !== undefined ? { health } : {})}
        {...(lastEventAt !== undefined ? { lastEventAt } : {})}
      />
    </div>
  )
}
