import { useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react'
import { assertNever } from '../../../shared/assert-never'
import { OfflineBanner } from '../components/OfflineBanner'
import { StatusBar } from '../components/StatusBar'
import { IngestProgress } from '../ingest/IngestProgress'
import { useOutbox } from '../outbox/outbox-context'
import { outboxCounts, standingFailures } from '../outbox/selectors'
import { useOutboxCommands } from '../outbox/use-outbox'
import { ViewErrorBoundary } from '../components/ViewErrorBoundary'
import { HeaderKeyHints } from '../keyboard/HeaderKeyHints'
import { useNavigationStore, VIEWS, type ViewName } from './navigation-store'
import { dataAsOf, effectiveHealth, useStatusStore } from './status-store'
import { useWorkspaceStore } from './workspace-store'
import { AlertsView } from '../alerts/AlertsView'
import { DiagnosticsView } from '../diagnostics/DiagnosticsView'
import { IncidentsView } from '../incidents/IncidentsView'
import { OnCallView } from '../on-call/OnCallView'
import { OutboxView } from '../outbox/OutboxView'
import { ServicesView } from '../services/ServicesView'
import { SettingsView } from '../settings/SettingsView'
import type { WorkspaceSettingsProps } from '../settings/WorkspaceSettings'
import { VIEW_LABELS } from './palette-commands'
import { useWorkspace } from './workspace-context'
import { AllWorkspacesView } from './AllWorkspacesView'
import { WorkspaceSwitcher } from '../settings/WorkspaceSwitcher'

export interface AppShellProps extends Omit<WorkspaceSettingsProps, 'activeId'> {
  /** Overlays owned by other modules (command palette, ringing alarm), drawn above the views. */
  readonly overlays?: ReactNode
  /** The ringing alarm: in the page flow under the header, so it pushes the views down. */
  readonly alarm?: ReactNode
  /** Short live status beside the title (the ringing count), where a narrow window keeps it. */
  readonly headerStatus?: ReactNode
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>)

function View(props: { view: ViewName } & AppShellProps & { activeId: string }): ReactElement {
  switch (props.view) {
    case 'alerts':
      return <AlertsView />
    case 'incidents':
      return <IncidentsView />
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
    case 'all-workspaces':
      return <AllWorkspacesView onOpen={props.onOpen} />
    default:
      return assertNever(props.view, 'view')
  }
}

/** The browser's own network flag, live: it flips the moment the OS loses its network. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine)
  useEffect(() => {
    const update = (): void => setOnline(navigator.onLine)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])
  return online
}

/** The time, refreshed every `everyMs`: enough for "data as of 10:42". */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

/**
 * Navigation, the offline banner, the current view and the status bar of an open workspace.
 * Health is main's intake health corrected by what the renderer sees first (the browser's
 * network flag, the outbox's sends that found no network): see `effectiveHealth`.
 */
export function AppShell(props: AppShellProps): ReactElement {
  const { config } = useWorkspace()
  const outbox = useOutbox()
  const commands = useOutboxCommands(outbox.db, outbox.workspaceId)
  const counts = useMemo(() => outboxCounts(commands), [commands])
  const online = useOnline()
  const now = useNow(15_000)
  const view = useNavigationStore((s) => s.view)
  const go = useNavigationStore((s) => s.go)
  const status = useStatusStore()
  const failed = standingFailures(commands, status.failuresSeenAt).length
  const health = effectiveHealth(status.health, { online, unreachable: counts.unreachable })
  const lastEventAt = status.lastEventAt
  const queued = status.queued
  const error = useWorkspaceStore((s) => (s.phase === 'failed' ? s.error : undefined))

  return (
    <div className="shell">
      <header className="shell__header">
        <h1 className="shell__title">Ondeck</h1>
        <WorkspaceSwitcher activeId={config.id} onOpen={props.onOpen} />
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
        <HeaderKeyHints />
      </header>
      {props.alarm}
      {health?.state === 'offline' && (
        <OfflineBanner
          queued={counts.pending}
          {...optional('asOf', dataAsOf(status, health, now))}
          {...optional('detail', health.detail)}
        />
      )}
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
        failed={failed}
        onOpenOutbox={() => go('outbox')}
        {...(health !== undefined ? { health } : {})}
        {...(lastEventAt !== undefined ? { lastEventAt } : {})}
      >
        <IngestProgress />
      </StatusBar>
    </div>
  )
}
