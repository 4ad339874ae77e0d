import { useCoordinationViewStore } from '../incidents/coordination-view-store'
import type { PaletteCommand } from '../keyboard/command-filter'
import { ALERT_FORM_KEYS, KEYMAP } from '../keyboard/keymap'
import { alertActionLabel } from '../../../shared/commands/catalogue'
import type { AlertFormName } from '../alerts/alert-view-store'
import { VIEWS, type ViewName } from './navigation-store'
import { FORM_ACTIONS } from '../alerts/action-forms'
import type { AlertActionRequest } from '../alerts/alert-actions'
import type { Theme } from '../settings/preferences'

export const VIEW_LABELS: Readonly<Record<ViewName, string>> = {
  alerts: 'Alerts',
  incidents: 'Incidents',
  services: 'Services',
  'on-call': 'On call',
  outbox: 'Outbox',
  settings: 'Settings',
  diagnostics: 'Diagnostics',
  'all-workspaces': 'All workspaces',
}

/** The selected alert as far as the palette needs to know it. */
export interface PaletteAlert {
  readonly id: string
  readonly tinyId?: string
  readonly message: string
  readonly status: string
  readonly acknowledged: boolean
}

export interface PaletteContext {
  readonly selected?: PaletteAlert
  /**
   * Something other than the selected alert rings: `a` acknowledges that, so the selected
   * alert's Acknowledge shows no key.
   */
  readonly othersRing?: boolean
  /** Set when the key cannot write: alert actions are listed but disabled. */
  readonly readOnly: boolean
  readonly theme: Theme
  run(request: AlertActionRequest): void
  openForm(form: AlertFormName): void
  go(view: ViewName): void
  focusSearch(): void
  move(delta: number): void
  setTheme(theme: Theme): void
  openDemo(): void
  /**
   * With two or more saved workspaces: the others to switch to, and All workspaces (the
   * header's switcher, from the keyboard).
   */
  readonly workspaces?: {
    readonly others: readonly { readonly id: string; readonly name: string }[]
    open(id: string): void
    showAll(): void
  }
  /** Present inside an open workspace: incident coordination (issue 7). */
  readonly coordination?: { declare(): void; page(): void }
}

const FORM_SHORTCUTS: Partial<Record<AlertFormName, string>> = ALERT_FORM_KEYS

/**
 * Every action the screen offers, so nothing needs the mouse: the selected alert's actions (the
 * quick ones run through the one action path, the others open their form), each view, the list's
 * movement, the theme and the Demo workspace.
 */
export function buildPaletteCommands(ctx: PaletteContext): PaletteCommand[] {
  const alert = ctx.selected
  const commands: PaletteCommand[] = []
  if (alert !== undefined) {
    const group = `Alert #${alert.tinyId ?? alert.id}`
    const closed = alert.status === 'closed'
    const quick = (
      action: 'acknowledge' | 'unacknowledge' | 'close',
      shortcut?: string,
    ): PaletteCommand => ({
      id: `alert:${action}`,
      group,
      label: alertActionLabel(action),
      keywords: [alert.message],
      disabled: ctx.readOnly || closed,
      ...(shortcut !== undefined ? { shortcut } : {}),
      run: () => ctx.run({ action, alertId: alert.id, args: {} }),
    })
    commands.push(
      alert.acknowledged
        ? quick('unacknowledge')
        : quick('acknowledge', ctx.othersRing === true ? undefined : KEYMAP.acknowledge),
      quick('close', KEYMAP.close),
    )
    for (const form of FORM_ACTIONS) {
      const shortcut = FORM_SHORTCUTS[form]
      commands.push({
        id: `alert:${form}`,
        group,
        label: `${alertActionLabel(form)}…`,
        keywords: [alert.message],
        disabled: ctx.readOnly || (closed && form !== 'addNote'),
        ...(shortcut !== undefined ? { shortcut } : {}),
        run: () => ctx.openForm(form),
      })
    }
  }
  commands.push(
    {
      id: 'list:next',
      group: 'Alerts',
      label: 'Next alert',
      shortcut: KEYMAP.next,
      run: () => ctx.move(1),
    },
    {
      id: 'list:previous',
      group: 'Alerts',
      label: 'Previous alert',
      shortcut: KEYMAP.previous,
      run: () => ctx.move(-1),
    },
    {
      id: 'list:search',
      group: 'Alerts',
      label: 'Search alerts',
      shortcut: KEYMAP.search,
      run: () => ctx.focusSearch(),
    },
  )
  if (ctx.coordination !== undefined) {
    const { declare, page } = ctx.coordination
    const alert = ctx.selected
    if (alert !== undefined)
      commands.push({
        id: 'coordination:declare-from-alert',
        group: 'Incident',
        label: `Declare incident from #${alert.tinyId ?? ''} ${alert.message}`,
        keywords: ['incident', 'declare', 'alert', 'escalate'],
        run: () => {
          useCoordinationViewStore.getState().startDeclare(alert.id)
          ctx.go('incidents')
        },
      })
    commands.push(
      {
        id: 'coordination:declare',
        group: 'Incident',
        label: 'Declare incident',
        keywords: ['incident', 'coordination', 'new', 'severity'],
        run: declare,
      },
      {
        id: 'coordination:page',
        group: 'Incident',
        label: 'Page a team…',
        keywords: ['page', 'team', 'user', 'schedule', 'escalation', 'responders'],
        run: page,
      },
    )
  }
  for (const view of VIEWS) {
    commands.push({
      id: `go:${view}`,
      group: 'Go to',
      label: VIEW_LABELS[view],
      keywords: ['view', 'navigate'],
      run: () => ctx.go(view),
    })
  }
  if (ctx.workspaces !== undefined) {
    const { others, open, showAll } = ctx.workspaces
    commands.push({
      id: 'workspace:all',
      group: 'Workspace',
      label: 'All workspaces',
      keywords: ['workspaces', 'every', 'accounts', 'switch'],
      run: showAll,
    })
    for (const workspace of others)
      commands.push({
        id: `workspace:open:${workspace.id}`,
        group: 'Workspace',
        label: `Switch to ${workspace.name}`,
        keywords: ['workspace', 'account', 'switch'],
        run: () => open(workspace.id),
      })
  }
  const other: Theme = ctx.theme === 'dark' ? 'light' : 'dark'
  commands.push(
    {
      id: 'theme:toggle',
      group: 'Settings',
      label: `Switch to ${other} theme`,
      keywords: ['theme', 'dark', 'light', 'colour', 'color'],
      run: () => ctx.setTheme(other),
    },
    {
      id: 'workspace:demo',
      group: 'Workspace',
      label: 'Open the Demo workspace',
      keywords: ['demo', 'simulator'],
      run: () => ctx.openDemo(),
    },
  )
  return commands
}
