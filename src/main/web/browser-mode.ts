import { createGateway, type Gateway } from '../gateway/compose'
import type { ParsedInput } from '../../shared/ipc/contract'
import type { HostHandlers } from '../gateway/ipc/router'
import {
  checkKeychain,
  createKeytarSecretStore,
  createMemorySecretStore,
  KEYCHAIN_SERVICES,
} from '../gateway/secrets'
import { demoLauncher, startDemoWorkspace, type DemoWorkspace } from '../demo/demo-workspace'
import { startWebServer, type RunningWebServer } from './server'
import { join } from 'node:path'
import { createHostDiagnostics, saveToFolder } from '../gateway/diagnostics/host'

type NotificationRequest = ParsedInput<'notifications:show'>

export interface BrowserModeOptions {
  rendererRoot: string
  port?: number
  /** Open straight into the Demo workspace. */
  demo?: boolean
  version: string
  /** Keychain service; default `ondeck-browser-mode`, apart from the desktop app's (tests: own). */
  keychainService?: string
  demoTrickleMs?: number
  /**
   * Where connected workspaces' keys and tokens live: the system keychain (default), or, for tests
   * on a machine without a Secret Service, memory that dies with the process. The connect form,
   * the token check and the connect itself stay the real ones either way.
   */
  secrets?: 'keychain' | 'memory'
  /** Which provider the Demo workspace speaks (`--provider jsm`); default Opsgenie. */
  demoProvider?: 'opsgenie' | 'jsm'
  /** Sees every `notifications:show` request as main receives it (benchmarks, tests). */
  onNotification?(request: NotificationRequest): void
  /**
   * Where browser mode keeps its log (`logs/web.log`) and exported diagnostics archives
   * (`diagnostics/`); the CLI passes `defaultWebDataDir()`. Without it, no log file and no export.
   */
  dataDir?: string
}

export interface BrowserMode {
  server: RunningWebServer
  gateway: Gateway
  /**
   * Mints a URL to open, good once: it carries a single-use launch token in its fragment, and
   * `demo` there too when asked to go straight to the Demo workspace.
   */
  launchUrl(): string
  /** The Demo workspace once the page opened it (tests drive its simulator). */
  demoWorkspace(): DemoWorkspace | undefined
  /**
   * Starts another Demo-style workspace (its own simulator and relay, keys in the same memory
   * store as the Demo's), for tests of several workspaces at once; the page adds it as a saved
   * workspace. Closed with browser mode.
   */
  startExtraDemo(options: { id: string; name: string }): Promise<DemoWorkspace>
  close(): Promise<void>
}

/**
 * `npm run web`: the gateway in plain Node behind the browser-mode server. Web Notifications stand
 * in for native ones (the renderer shows them itself), so the host answers `shown: false`; there
 * is no tray.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const demoSecrets = createMemorySecretStore()
  const demo = demoLauncher({
    secrets: demoSecrets,
    ...(options.demoTrickleMs !== undefined ? { trickleMs: options.demoTrickleMs } : {}),
    ...(options.demoProvider !== undefined ? { provider: options.demoProvider } : {}),
  })
  // Its own keychain namespace: a browser session never reads the desktop app's keys.
  const keychain = { service: options.keychainService ?? KEYCHAIN_SERVICES.browserMode }
  const inMemory = options.secrets === 'memory'
  const secrets = inMemory ? createMemorySecretStore() : createKeytarSecretStore(keychain)
  const diagnostics =
    options.dataDir === undefined
      ? undefined
      : createHostDiagnostics({
          logFile: join(options.dataDir, 'logs', 'web.log'),
          mode: 'web',
          appVersion: options.version,
          console: true,
          save: saveToFolder(join(options.dataDir, 'diagnostics')),
        })
  const hostHandlers: HostHandlers = {
    'app:info': async () => ({ version: options.version, mode: 'web' as const }),
    'notifications:show': async (request) => {
      options.onNotification?.(request)
      return { shown: false }
    },
    'tray:setStatus': async () => ({}),
    ...diagnostics?.handlers,
  }
  const gatewayLog = diagnostics?.logger('gateway')
  let gateway: Gateway | undefined
  const server = await startWebServer({
    rendererRoot: options.rendererRoot,
    ...(options.port !== undefined ? { port: options.port } : {}),
    router: (origin) => {
      gateway = createGateway({
        secrets,
        demoSecrets,
        checkKeychain: () =>
          inMemory ? Promise.resolve({ available: true as const }) : checkKeychain(keychain),
        isTrustedSender: (sender) => sender.url === origin,
        openDemo: () => demo.open(),
        hostHandlers,
        log: (line) => (gatewayLog === undefined ? console.error(line) : gatewayLog.warn(line)),
      })
      return gateway.router
    },
  })
  if (gateway === undefined) throw new Error('the browser-mode server did not build its router')
  const built = gateway
  diagnostics?.bindSecrets({
    live: () => built.workspaces.secretValues(),
    stores: [secrets, demoSecrets],
  })
  built.setEventSink((name, payload) => server.broadcast(name, payload))
  const extras: DemoWorkspace[] = []
  return {
    server,
    gateway: built,
    launchUrl: () => `${server.newLaunchUrl()}${options.demo === true ? '&demo' : ''}`,
    demoWorkspace: () => demo.current(),
    async startExtraDemo({ id, name }) {
      // The demo stores its keys under its own id; here they move to this workspace's id, in the
      // Demo's keychain-free store, bound to the same simulator and relay.
      const own = createMemorySecretStore()
      const extra = await startDemoWorkspace({
        secrets: own,
        ...(options.demoTrickleMs !== undefined ? { trickleMs: options.demoTrickleMs } : {}),
      })
      extras.push(extra)
      for (const kind of ['api-key', 'relay-token'] as const) {
        const secret = await own.get({ workspaceId: extra.config.id, kind })
        if (secret === null || secret.endpoint === null)
          throw new Error(`the demo stored no ${kind}`)
        await demoSecrets.set({ workspaceId: id, kind }, secret.reveal(), secret.endpoint)
      }
      return { ...extra, config: { ...extra.config, id, name } }
    },
    async close() {
      await built.dispose()
      await server.close()
      await demo.close()
      for (const extra of extras) await extra.close()
    },
  }
}
