import { useEffect, type ReactElement } from 'react'
import { CommandPalette } from '../components/CommandPalette'
import { ShortcutOverlay } from '../components/ShortcutOverlay'
import { bindKeymap, IS_MAC } from '../keyboard/keymap'
import { useKeyboardOverlayStore } from '../keyboard/overlay-store'
import { useShortcuts } from '../keyboard/use-shortcuts'
import { useAlertViewStore } from '../alerts/alert-view-store'
import { ALL_WORKSPACES_VIEW, useNavigationStore } from './navigation-store'
import { useLiveQuery } from '../db/use-live-query'
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
import { useAcknowledgeKey } from '../notifications/ringing-registry'

const inSearch = (event: KeyboardEvent): boolean =>
  event.target instanceof HTMLElement && event.target.id === ALERT_SEARCH_INPUT_ID

/** The form holding the focused field, for Ctrl/Cmd+Enter. */
const formOf = (event: KeyboardEvent): HTMLFormElement | null =>
  event.target instanceof HTMLElement ? event.target.closest('form') : null

/**
 * The keyboard: every key in KEYMAP, plus the command palette and the `?` overlay. Alert keys act
 * on the selection in the alerts view and go through `useAlertCommands().run`, like the buttons
 * do; each alert form has its key. While something rings, `a` acknowledges what rings, in any
 * view, whatever is selected: at 3 a.m. the key must stop the page, not acknowledge the row the
 * cursor was on. No dead ends: Escape or ↓ leaves the search box for the list, Ctrl/Cmd+Enter
 * submits the form being typed in.
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
  const overlay = useKeyboardOverlayStore((s) => s.open)
  const showOverlay = useKeyboardOverlayStore((s) => s.show)
  const closeOverlay = useKeyboardOverlayStore((s) => s.close)
  // an overlay belongs to this workspace's screen: switching workspaces must not carry it over
  useEffect(() => closeOverlay, [closeOverlay])
  const view = useNavigationStore((s) => s.view)
  const go = useNavigationStore((s) => s.go)
  const selectedId = useAlertViewStore((s) => s.selectedId)
  const moveSelection = useAlertViewStore((s) => s.moveSelection)
  const setOpenForm = useAlertViewStore((s) => s.setOpenForm)
  const readOnly = useWorkspaceStore(selectReadOnlyReason) !== undefined
  const selected = useAlert(db, selectedId) ?? undefined
  const { config } = useWorkspace()
  const selectedKey = useAcknowledgeKey(config.id, selectedId ?? '')
  const saved = useLiveQuery(() => settings.workspaces.orderBy('addedAt').toArray(), [settings])
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
  const backToList = (): void => {
    const list = document.querySelector<HTMLElement>('.alert-list')
    if (list === null) return
    if (useAlertViewStore.getState().selectedId === undefined) moveSelection(1)
    list.focus()
  }

  const theme: Theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'
  const commands = buildPaletteCommands({
    ...(selected !== undefined ? { selected, othersRing: selectedKey === undefined } : {}),
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
    ...(saved !== undefined && saved.length > 1
      ? {
          workspaces: {
            others: saved
              .filter((w) => w.id !== config.id)
              .map((w) => ({ id: w.id, name: w.config.name })),
            open: (id: string) => {
              const entry = saved.find((w) => w.id === id)
              if (entry === undefined) return
              if (view === ALL_WORKSPACES_VIEW) go('alerts')
              props.onOpen(entry)
            },
            showAll: () => go(ALL_WORKSPACES_VIEW),
          },
        }
      : {}),
    coordination: {
      declare: () => {
        go('incidents')
        useCoordinationViewStore.getState().startDeclare()
      },
      page: () => {
        go('incidents')
        useCoordinationViewStore.getState().startPage()
      },
    },
    openDemo: () =>
      void addDemoWorkspace(api, settings).then(
        (result) => result.ok && props.onOpen(result.entry),
      ),
  })

  const runCommand = (id: string): void => {
    const command = commands.find((c) => c.id === id)
    if (command !== undefined && command.disabled !== true) command.run()
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
      snooze: onAlert(() => openForm('snooze')),
      assign: onAlert(() => openForm('assign')),
      escalate: onAlert(() => openForm('escalate')),
      addResponder: onAlert(() => openForm('addResponder')),
      priority: onAlert(() => openForm('setPriority')),
      // the palette's command, so `d` declares from the alert exactly as the palette does
      declareIncident: onAlert(() => runCommand('coordination:declare-from-alert')),
      undo: () => void undo(),
      toggleCheck: onAlert((alertId) => useAlertViewStore.getState().toggleChecked(alertId)),
      search: focusSearch,
      leaveSearch: { allowInInputs: true, when: inSearch, run: backToList },
      submit: {
        allowInInputs: true,
        when: (event) => formOf(event) !== null,
        run: (event) => formOf(event)?.requestSubmit(),
      },
      palette: () => showOverlay('palette'),
      help: () => showOverlay('shortcuts'),
      dismiss: {
        run: (event) => (inSearch(event) ? backToList() : setOpenForm(undefined)),
      },
    }),
    { enabled: overlay === undefined },
  )

  return (
    <>
      <CommandPalette
        open={overlay === 'palette'}
        commands={commands}
        onClose={closeOverlay}
        mac={IS_MAC}
      />
      <ShortcutOverlay open={overlay === 'shortcuts'} onClose={closeOverlay} mac={IS_MAC} />
    </>
  )
}
