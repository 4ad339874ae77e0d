import { useCallback, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react'
import { BackgroundWorkspace } from './app/BackgroundWorkspace'
import { useDeepLinks } from './app/deep-links'
import { PREFERENCE_KEYS } from './settings/preferences'
import { ServicesProvider, useAppServices, type AppServices } from './app/services'
import type { WorkspaceEntry } from './settings/settings-db'
import { useTheme } from './app/use-theme'
import { addDemoWorkspace } from './app/workspace-setup'
import { WorkspaceScreen } from './app/WorkspaceScreen'
import { useLiveQuery } from './db/use-live-query'
import { FirstRun } from './settings/FirstRun'

export interface AppProps {
  readonly services: AppServices
  /** `#demo` (browser mode `--demo`) opens the Demo workspace straight away. */
  readonly hash?: string
  readonly overlays?: ReactNode
}

export function App(props: AppProps): ReactElement {
  return (
    <ServicesProvider services={props.services}>
      <Root hash={props.hash ?? ''} overlays={props.overlays} />
    </ServicesProvider>
  )
}

/**
 * First run or the open workspaces. On start it shows the last workspace used, or goes straight
 * to the demo when asked; the workspace list is read live from the settings database. Every other
 * saved workspace runs in the background (session, outbox, notifications and ringing), so a
 * responder on two accounts hears both; the switcher puts one on screen.
 */
function Root(props: { hash: string; overlays: ReactNode }): ReactElement {
  const { api, settings } = useAppServices()
  useTheme(settings)
  const saved = useLiveQuery(() => settings.workspaces.orderBy('addedAt').toArray(), [settings])
  const lastId = useLiveQuery(async () => {
    const value = (await settings.preferences.get(PREFERENCE_KEYS.lastWorkspaceId))?.value
    return typeof value === 'string' ? value : null
  }, [settings])
  // undefined: nothing chosen yet this run (fall back to the last workspace used); null: none.
  const [chosen, setChosen] = useState<string | null | undefined>()
  const [startError, setStartError] = useState<string | undefined>()
  const demoAsked = useRef(false)
  const wantsDemo = props.hash === '#demo'

  useEffect(() => {
    if (!wantsDemo || demoAsked.current) return
    demoAsked.current = true
    void addDemoWorkspace(api, settings).then((r) =>
      r.ok ? setChosen(r.entry.id) : setStartError(r.error),
    )
  }, [api, settings, wantsDemo])

  const activeId = chosen !== undefined ? chosen : wantsDemo ? null : lastId
  // Read from the live list so a username edited in Settings reaches the views, and a removed
  // workspace closes.
  const current =
    activeId === null || activeId === undefined ? undefined : saved?.find((w) => w.id === activeId)
  const open = useCallback((entry: WorkspaceEntry): void => setChosen(entry.id), [])
  useDeepLinks(api, { settings, open })
  // Notification titles name their workspace while more than one is saved.
  const several = (saved?.length ?? 0) > 1
  if (saved === undefined || lastId === undefined)
    return (
      <p className="page muted" role="status">
        Loading…
      </p>
    )
  if (wantsDemo && chosen === undefined && startError === undefined) {
    return (
      <p className="page muted" role="status">
        Starting the Demo workspace…
      </p>
    )
  }
  if (current === undefined) {
    return (
      <>
        {startError !== undefined && (
          <p className="banner banner--error" role="alert">
            {startError}
          </p>
        )}
        <FirstRun savedWorkspaces={saved} onOpen={open} />
      </>
    )
  }
  return (
    <>
      <WorkspaceScreen
        key={current.id}
        entry={current}
        label={several ? current.config.name : undefined}
        overlays={props.overlays}
        onOpen={open}
        onRemoved={(id) => id === current.id && setChosen(null)}
      />
      {saved
        .filter((entry) => entry.id !== current.id)
        .map((entry) => (
          <BackgroundWorkspace
            key={entry.id}
            entry={entry}
            label={several ? entry.config.name : undefined}
            onOpen={open}
          />
        ))}
    </>
  )
}
