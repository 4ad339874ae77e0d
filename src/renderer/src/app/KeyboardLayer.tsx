import { useState, type ReactElement } from 'react'
import { CommandPalette } from '../components/CommandPalette'
import { bindKeymap } from '../keyboard/keymap'
import { useShortcuts } from '../keyboard/use-shortcuts'
import { useAlertViewStore } from '../alerts/alert-view-store'
import { useNavigationStore } from './navigation-store'
import { selectReadOnlyReason, useWorkspaceStore } from './workspace-store'
import { ALERT_SEARCH_INPUT_ID } from '../alerts/AlertFilterBar'
import { ALERT_DETAIL_TITLE_ID } from '../alerts/AlertDetail'
import { useAlert } from '../db/alert-reads'
import { focusSoon } from './focus'
import { useCoordinationViewStore } from '../incidents/coordination-view-store'
import { buildPaletteCommands } from './palette-commands'
import { PREFERENCE_KEYS, writePreference, type Theme } from '../settings/preferences'
import type { WorkspaceEntry } from '../settings/settings-db'
import { useAppServices } from './services'
import { useAlertCommands } from '../alerts/use-alert-commands'
import { applyTheme } from './use-theme'
import { addDemoWorkspace } from './workspace-setup'
import { useWorkspace } from './workspace-context'
import { useUndo } from '../outbox/UndoBar'

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * The keyboard: j/k, Enter, a, c, n, u, x, /, Ctrl/Cmd+K and Escape, plus the command palette. Alert
 * keys act on the selection in the alerts view and go through `useAlertCommands().run`, like the
 * buttons do. While something rings, `a` acknowledges what rings, in any view, whatever is
 * selected: at 3 a.m. the key must stop the page, not acknowledge the row the cursor was on.
 */
export function KeyboardLayer(props: {
  onOpen(entry: WorkspaceEntry): void
  /** Acknowledges every ringing alert; false when nothing rings. */
  acknowledgeRinging?(): boolean
}): ReactElement {
  const { api, settings } = useAppServices()
  const { db } = useWorkspace()
  const { run } = useAlertCommands()
  const { undo } = useUndo()
  const [paletteOpen, setPaletteOpen] = useState(false)
  const view = useNavigationStore((s) => s.view)
  const go = useNavigationStore((s) => s.go)
  const selectedId = useAlertViewStore((s) => s.selectedId)
  const moveSelection = useAlertViewStore((s) => s.moveSelection)
  const setOpenForm = useAlertViewStore((s) => s.setOpenForm)
  const readOnly = useWorkspaceStore(selectReadOnlyReason) !== undefined
  const selected = useAlert(db, selectedId) ?? undefined
  const inAlerts = view === 'alerts'
  const onAlert = (act: (alertId: string) => void) => (): void => {
    if (inAlerts && selectedId !== undefined) act(selectedId)
  }
  const focusSearch = (): void => {
    go('alerts')
    focusSoon(ALERT_SEARCH_INPUT_ID)
  }
  const openForm = (form: Parameters<typeof setOpenForm>[0]): void => {
    go('alerts')
    setOpenForm(form)
  }

  useShortcuts(
    bindKeymap({
      next: () => inAlerts && moveSelection(1),
      previous: () => inAlerts && moveSelection(-1),
      open: onAlert(() => focusSoon(ALERT_DETAIL_TITLE_ID)),
      acknowledge: () => {
        if (props.acknowledgeRinging?.() === true) return
        onAlert((alertId) => void run({ action: 'acknowledge', alertId, args: {} }))()
      },
      close: onAlert((alertId) => void run({ action: 'close', alertId, args: {} })),
      note: onAlert(() => openForm('addNote')),
      undo: () => void undo(),
      toggleCheck: onAlert((alertId) => useAlertViewStore.getState().toggleChecked(alertId)),
      search: focusSearch,
      palette: () => setPaletteOpen(true),
      dismiss: () => setOpenForm(undefined),
    }),
    { enabled: !paletteOpen },
  )

  const theme: Theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'
  const commands = buildPaletteCommands({
    ...(selected !== undefined ? { selected } : {}),
    readOnly,
    theme,
    run: (request) => void run(request),
    openForm,
    go,
    focusSearch,
    move: (delta) => {
      go('alerts')
      moveSelection(delta)
    },
    setTheme: (next) => {
      applyTheme(next)
      void writePreference(settings, PREFERENCE_KEYS.theme, next)
    },
    coordination: {
      declare: () => {
        go('coordination')
        useCoordinationViewStore.getState().startDeclare()
      },
      page: () => {
        go('coordination')
        useCoordinationViewStore.getState().startPage()
      },
    },
    openDemo: () =>
      void addDemoWorkspace(api, settings).then(
        (result) => result.ok && props.onOpen(result.entry),
      ),
  })

  return (
    <CommandPalette
      open={paletteOpen}
      commands={commands}
      onClose={() => setPaletteOpen(false)}
      mac={MAC}
    />
  )
}
