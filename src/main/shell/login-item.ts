import { app } from 'electron'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The argument a login start carries (Windows, Linux); macOS says `wasOpenedAsHidden`. */
export const HIDDEN_ARG = '--hidden'

export interface LoginItemDeps {
  /** `userData/desktop-settings.json`: the one desktop-only setting, kept beside the app. */
  readonly settingsFile: string
  readonly argv: readonly string[]
  readonly platform?: NodeJS.Platform
  /**
   * Linux, where Electron has no login items: an XDG autostart entry in `dir` that runs `exec`
   * (the AppImage, or the installed binary). Only for a packaged app; undefined turns it off.
   */
  readonly linuxAutostart?: { readonly dir: string; readonly exec: string }
}

export interface LoginItem {
  /** False where there is no way to start at login (Linux outside a packaged app). */
  readonly supported: boolean
  enabled(): boolean
  set(enabled: boolean): void
  /** Called after every change (the tray redraws its checkbox). */
  onChange(listener: () => void): void
  /** The first real workspace turns "open at login" on, unless the responder already chose. */
  workspaceConnected(): void
  /** This start came from the login item: stay in the tray, show no window. */
  readonly startHidden: boolean
}

interface DesktopSettings {
  launchAtLogin?: boolean
}

function readSettings(file: string): DesktopSettings {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof parsed !== 'object' || parsed === null) return {}
    const value = (parsed as Record<string, unknown>)['launchAtLogin']
    return typeof value === 'boolean' ? { launchAtLogin: value } : {}
  } catch {
    return {}
  }
}

/** `Exec=` quoting from the Desktop Entry spec: inside double quotes, escape " ` $ and \. */
function quoteExec(path: string): string {
  return `"${path.replace(/(["`$\\])/g, '\\$1')}"`
}

export const AUTOSTART_FILE = 'ondeck.desktop'

function writeAutostart(autostart: { dir: string; exec: string }, enabled: boolean): void {
  const file = join(autostart.dir, AUTOSTART_FILE)
  if (!enabled) {
    rmSync(file, { force: true })
    return
  }
  mkdirSync(autostart.dir, { recursive: true })
  const entry = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Ondeck',
    `Exec=${quoteExec(autostart.exec)} ${HIDDEN_ARG}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
  writeFileSync(file, entry, { mode: 0o644 })
}

/**
 * Launch at login, started hidden in the tray: a pager that is not running pages nobody. Off
 * until the responder connects a first workspace (an app that starts itself before it is set up
 * is a nuisance), then on by default; the tray's "Open at login" turns it off for good.
 */
export function createLoginItem(deps: LoginItemDeps): LoginItem {
  const platform = deps.platform ?? process.platform
  const autostart = platform === 'linux' ? deps.linuxAutostart : undefined
  const supported = platform === 'darwin' || platform === 'win32' || autostart !== undefined
  let settings = readSettings(deps.settingsFile)
  const listeners: (() => void)[] = []
  const startHidden =
    deps.argv.includes(HIDDEN_ARG) ||
    (platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin)

  function set(enabled: boolean): void {
    settings = { ...settings, launchAtLogin: enabled }
    const temp = `${deps.settingsFile}.tmp`
    writeFileSync(temp, JSON.stringify(settings), { mode: 0o600 })
    renameSync(temp, deps.settingsFile)
    if (autostart !== undefined) writeAutostart(autostart, enabled)
    else if (supported) {
      // macOS has no "open hidden" login item any more (Electron 45): a login start is told by
      // wasOpenedAtLogin instead; Windows passes the flag.
      app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] })
    }
    for (const listener of listeners) listener()
  }

  return {
    supported,
    enabled: () => settings.launchAtLogin === true,
    set,
    onChange: (listener) => void listeners.push(listener),
    workspaceConnected() {
      if (settings.launchAtLogin === undefined) set(true)
    },
    startHidden,
  }
}
