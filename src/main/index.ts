import { app } from 'electron'
import { join } from 'node:path'
import type { WorkspaceConfig } from '../shared/ipc/schemas'
import { createGateway } from './gateway/compose'
import { createHostDiagnostics } from './gateway/diagnostics/host'
import type { demoLauncher } from './demo/demo-workspace'
import {
  checkKeychain,
  createKeytarSecretStore,
  createMemorySecretStore,
  type SecretStore,
} from './gateway/secrets'
import { registerAppScheme, serveApp } from './shell/app-protocol'
import { onWorkspaceConnected } from './shell/connect-watch'
import { bindActionHandoff, bindIpc } from './shell/ipc/bind'
import { desktopFetch } from './shell/net-fetch'
import { saveWithDialog } from './shell/diagnostics-save'
import { shellLogTo } from './shell/log'
import { claimSingleInstance } from './shell/single-instance'
import { createDeepLinks, linkInArgv } from './shell/deep-link'
import { registerProtocolClient } from './shell/protocol-client'
import { revealWindow } from './shell/window-lifecycle'
import { linuxAutostartFor, startDesktopShell, type DesktopShell } from './shell/start-desktop'
import { devServerUrlFrom, isAppOrigin } from './shell/window'

/** The desktop composition root: the shell, the gateway and the one IPC router between them. */
const devServerUrl = devServerUrlFrom(process.env, app.isPackaged)
let shell: DesktopShell | undefined
let shellLog: { warn(message: string): void } = { warn: (message) => console.warn(message) }

app.enableSandbox()
registerAppScheme()

/** `ondeck://alerts?...` links: validated here, kept until the page takes them (`links:take`). */
const links = createDeepLinks({
  announce: () => shell?.emit('links:arrived', { at: Date.now() }),
  reveal: () => revealWindow(shell?.currentWindow()),
  log: { warn: (message) => shellLog.warn(message) },
})

const onSecondStart = (argv: readonly string[]): void => {
  const link = linkInArgv(argv)
  if (link !== undefined) links.open(link)
}

if (claimSingleInstance(() => shell?.currentWindow(), onSecondStart)) {
  // before ready: macOS delivers the link that launched the app as an early 'open-url'
  registerProtocolClient(links, {
    argv: process.argv,
    defaultApp: process.defaultApp,
    execPath: process.execPath,
    log: { warn: (message) => shellLog.warn(message) },
  })
  void app.whenReady().then(() => {
    serveApp(join(__dirname, '../renderer'))
    // The OS's log folder (~/Library/Logs/Ondeck on macOS, userData/logs elsewhere).
    const diagnostics = createHostDiagnostics({
      logFile: join(app.getPath('logs'), 'main.log'),
      mode: 'desktop',
      appVersion: app.getVersion(),
      console: !app.isPackaged,
      save: (archive, name) => saveWithDialog(shell?.currentWindow(), archive, name),
    })
    const log = shellLogTo(diagnostics.logger('shell'))
    shellLog = log
    shell = startDesktopShell({
      devServerUrl,
      userDataDir: app.getPath('userData'),
      updateFeedUrl: process.env['ONDECK_UPDATE_URL'],
      log,
      ...(process.platform === 'linux'
        ? { linuxAutostart: linuxAutostartFor(process.env, app.isPackaged, process.execPath) }
        : {}),
    })
    const secrets = createKeytarSecretStore()
    const demoSecrets = createMemorySecretStore()
    const demo = lazyDemo(demoSecrets)
    const gatewayLog = diagnostics.logger('gateway')
    const gateway = createGateway({
      secrets,
      demoSecrets,
      checkKeychain: () => checkKeychain(),
      isTrustedSender: (sender) => isAppOrigin(sender.url, devServerUrl),
      openDemo: demo.open,
      hostHandlers: {
        ...shell.handlers,
        ...diagnostics.handlers,
        'links:take': async () => links.take(),
      },
      log: (line) => gatewayLog.warn(line),
      fetch: desktopFetch,
    })
    diagnostics.bindSecrets({
      live: () => gateway.workspaces.secretValues(),
      stores: [secrets, demoSecrets],
    })
    gateway.setEventSink(shell.emit)
    bindIpc(onWorkspaceConnected(gateway.router, shell.loginItem.workspaceConnected), {
      isAppFrame: shell.isAppFrame,
    })
    bindActionHandoff(shell.actions, { isAppFrame: shell.isAppFrame })
    app.on('will-quit', () => {
      void gateway.dispose()
      void demo.close()
    })
  })
}

/** The demo (simulator + relay) is loaded only when asked for: most starts never need it. */
function lazyDemo(secrets: SecretStore): {
  open(): Promise<WorkspaceConfig>
  close(): Promise<void>
} {
  type Launcher = ReturnType<typeof demoLauncher>
  let launcher: Promise<Launcher> | undefined
  const load = (): Promise<Launcher> =>
    (launcher ??= import('./demo/demo-workspace').then((m) => m.demoLauncher({ secrets })))
  return {
    open: async () => (await load()).open(),
    close: async () => {
      if (launcher !== undefined) await (await launcher).close()
    },
  }
}
