import { app } from 'electron'
import type { WorkspaceConfig } from '../shared/ipc/schemas'
import { createGateway } from './gateway/compose'
import type { demoLauncher } from './demo/demo-workspace'
import {
  checkKeychain,
  createKeytarSecretStore,
  createMemorySecretStore,
  type SecretStore,
} from './gateway/secrets'
import { bindIpc } from './shell/ipc/bind'
import { consoleLog } from './shell/log'
import { claimSingleInstance } from './shell/single-instance'
import { startDesktopShell, type DesktopShell } from './shell/start-desktop'
import { isAppOrigin } from './shell/window'

/** The desktop composition root: the shell, the gateway and the one IPC router between them. */
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
let shell: DesktopShell | undefined

app.enableSandbox()

if (claimSingleInstance(() => shell?.currentWindow())) {
  void app.whenReady().then(() => {
    shell = startDesktopShell({
      devServerUrl,
      updateFeedUrl: process.env['ONDECK_UPDATE_URL'],
      log: consoleLog,
    })
    const demoSecrets = createMemorySecretStore()
    const demo = lazyDemo(demoSecrets)
    const gateway = createGateway({
      secrets: createKeytarSecretStore(),
      demoSecrets,
      checkKeychain: () => checkKeychain(),
      isTrustedSender: (sender) => isAppOrigin(sender.url, devServerUrl),
      openDemo: demo.open,
      hostHandlers: shell.handlers,
      log: (line) => console.error(line),
    })
    gateway.setEventSink(shell.emit)
    bindIpc(gateway.router)
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
