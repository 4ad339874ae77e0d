import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The folder boundaries of docs/architecture.md are enforced by lint; this checks the rules
 * themselves, so loosening eslint.config.js by accident fails a test. Relative targets name real
 * files: the rules judge the file an import resolves to, not how its path is spelled.
 */
const eslint = new ESLint({ cwd: process.cwd() })
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'boundaries/dependencies'])

/** Loading the config, typescript-eslint and the plugins takes seconds on a busy machine. */
const LINT_TIMEOUT_MS = 60_000

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.fatal === true || (m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)))
    .map((m) => m.message)
}

const use = (specifier: string, name = 'x'): string =>
  `import { ${name} } from '${specifier}'\nexport const a = ${name}\n`
const useDefault = (specifier: string): string =>
  `import x from '${specifier}'\nexport const a = x\n`

describe('folder boundaries', { timeout: LINT_TIMEOUT_MS }, () => {
  it.each([
    // src/shared: zod and src/shared only
    ['src/shared/x.ts', use('electron', 'app')],
    ['src/shared/x.ts', use('node:fs', 'readFileSync')],
    ['src/shared/x.ts', use('fs', 'readFileSync')],
    ['src/shared/x.ts', use('ky', 'HTTPError')],
    ['src/shared/x.ts', use('../renderer/src/app/session')],
    ['src/shared/ipc/x.ts', use('../../main/gateway/compose')],
    // src/renderer: no electron, no Node, no main/preload/relay/simulator code, no Node packages
    ['src/renderer/src/x.ts', use('electron', 'shell')],
    ['src/renderer/src/x.ts', use('electron/renderer', 'ipcRenderer')],
    ['src/renderer/src/x.ts', use('node:path', 'join')],
    ['src/renderer/src/x.ts', use('crypto', 'randomUUID')],
    ['src/renderer/src/x.ts', use('../../main/gateway/compose')],
    ['src/renderer/src/app/x.ts', `export const a = import('../../../main/gateway/compose')\n`],
    ['src/renderer/src/x.ts', use('../../main/web/server')],
    ['src/renderer/src/x.ts', use('../../preload/index')],
    ['src/renderer/src/x.ts', use('../../relay/server')],
    ['src/renderer/src/x.ts', use('../../simulator/store')],
    ['src/renderer/src/sync/x.ts', use('../../../shared/opsgenie/webhook', 'readWebhookBody')],
    ['src/renderer/src/x.ts', use('@shared/opsgenie/rate-domains', 'RATE_DOMAINS')],
    ['src/renderer/src/x.ts', useDefault('keytar')],
    ['src/renderer/src/x.ts', use('ws', 'WebSocket')],
    ['src/renderer/src/x.ts', useDefault('better-sqlite3')],
    ['src/renderer/src/x.ts', use('electron-updater', 'autoUpdater')],
    // src/main/gateway (and web, demo): plain Node, no Electron, no shell or renderer code
    ['src/main/gateway/x.ts', use('electron', 'app')],
    ['src/main/gateway/x.ts', `export const a = import('electron-updater')\n`],
    ['src/main/gateway/x.ts', useDefault('electron-log/main')],
    ['src/main/gateway/x.ts', use('../shell/updater')],
    ['src/main/gateway/x.ts', use('../../renderer/src/app/session')],
    ['src/main/web/x.ts', use('electron', 'app')],
    ['src/main/demo/x.ts', use('../../renderer/src/app/session')],
    // the Opsgenie provider: only the composition roots and the doctor import it
    ['src/main/gateway/intake/x.ts', use('../provider/opsgenie/index', 'createOpsgenieClient')],
    ['src/main/gateway/x.ts', use('./provider/opsgenie/host', 'resolveHost')],
    ['src/main/gateway/handlers.ts', use('./provider/opsgenie/adapter', 'createOpsgenieProvider')],
    ['src/main/web/x.ts', use('../gateway/provider/opsgenie/index', 'createOpsgenieClient')],
    ['src/main/shell/x.ts', use('../gateway/provider/opsgenie/host', 'resolveHost')],
    ['src/renderer/src/x.ts', use('../../main/gateway/provider/opsgenie/host', 'resolveHost')],
    ['src/main/gateway/provider/opsgenie/x.ts', use('electron', 'app')],
    // src/main (the shell): no renderer, preload or relay code
    ['src/main/shell/x.ts', use('../../renderer/src/app/session')],
    // src/relay: no electron, no main, renderer or simulator code
    ['src/relay/x.ts', use('electron', 'app')],
    ['src/relay/x.ts', use('../main/gateway/compose')],
    ['src/relay/x.ts', use('../renderer/src/app/session')],
    ['src/relay/x.ts', use('../simulator/store')],
    // src/simulator: no main, renderer or relay code, and not the client's idea of Opsgenie
    ['src/simulator/x.ts', use('../main/gateway/compose')],
    ['src/simulator/x.ts', use('../renderer/src/app/session')],
    ['src/simulator/x.ts', `export * from '../relay/server'\n`],
    ['src/simulator/x.ts', use('../shared/opsgenie/rate-domains')],
    ['src/simulator/x.ts', use('@shared/opsgenie/rate-domains')],
    // src/preload: electron and src/shared only
    ['src/preload/x.ts', use('node:path', 'join')],
    ['src/preload/x.ts', use('zod', 'z')],
    ['src/preload/x.ts', use('../main/shell/updater')],
    ['src/preload/x.ts', use('../renderer/src/app/session')],
    // raw IPC only in src/main/shell/ipc and src/preload
    ['src/main/x.ts', use('electron', 'ipcMain')],
    ['src/main/shell/x.ts', use('electron', 'ipcMain')],
    ['src/renderer/src/x.ts', use('electron', 'ipcRenderer')],
  ])('%s may not: %s', async (filePath, code) => {
    expect(await importErrors(filePath, code)).not.toEqual([])
  })

  it.each([
    ['src/shared/x.ts', use('zod', 'z')],
    ['src/shared/x.ts', use('./ipc/contract')],
    ['src/shared/x.ts', use('@shared/ipc/contract')],
    // relative paths that merely look like Node built-ins are not Node built-ins
    ['src/shared/ipc/x.ts', use('./url')],
    ['src/renderer/src/notifications/x.ts', use('./events')],
    ['src/renderer/src/x.ts', use('./util/format')],
    ['src/renderer/src/x.ts', use('./notifications/timers')],
    ['src/renderer/src/x.ts', use('../../shared/ipc/contract')],
    ['src/renderer/src/x.ts', use('@shared/ipc/contract')],
    ['src/renderer/src/x.ts', use('react', 'useState')],
    ['src/renderer/src/x.ts', useDefault('dexie')],
    ['src/main/gateway/x.ts', use('node:path', 'join')],
    ['src/main/gateway/x.ts', use('./compose')],
    ['src/main/gateway/x.ts', use('@shared/ipc/contract')],
    ['src/main/gateway/x.ts', useDefault('electron-log/node')],
    ['src/main/gateway/x.ts', `export const a = import('keytar')\n`],
    [
      'src/main/gateway/workspaces.ts',
      use('./provider/opsgenie/adapter', 'createOpsgenieProvider'),
    ],
    ['src/main/gateway/compose.ts', use('./provider/opsgenie/index', 'createOpsgenieClient')],
    ['src/main/gateway/doctor/x.ts', use('../provider/opsgenie/index', 'checkKey')],
    ['src/main/gateway/provider/opsgenie/x.ts', use('./host', 'resolveHost')],
    ['src/main/gateway/provider/opsgenie/x.ts', use('../provider', 'ProviderError')],
    ['src/main/gateway/provider/opsgenie/x.ts', use('../../governor/index', 'createGovernor')],
    ['src/main/gateway/intake/x.ts', use('../provider/provider', 'ProviderError')],
    ['src/main/web/x.ts', use('ws', 'WebSocketServer')],
    ['src/main/web/x.ts', use('../gateway/compose')],
    ['src/main/demo/x.ts', use('../../simulator/store')],
    ['src/main/demo/x.ts', use('../../relay/server')],
    ['src/main/shell/x.ts', use('electron', 'app')],
    ['src/main/shell/x.ts', use('electron-updater', 'autoUpdater')],
    ['src/main/shell/x.ts', use('../gateway/compose')],
    ['src/main/shell/ipc/x.ts', use('electron', 'ipcMain')],
    ['src/relay/x.ts', useDefault('better-sqlite3')],
    ['src/relay/x.ts', use('node:http', 'createServer')],
    ['src/relay/x.ts', use('../shared/ipc/contract')],
    ['src/simulator/x.ts', use('./store')],
    ['src/simulator/x.ts', use('./rate-domains')],
    ['src/simulator/x.ts', use('../shared/ipc/contract')],
    ['src/preload/x.ts', use('electron', 'contextBridge')],
    ['src/preload/x.ts', use('../shared/ipc/contract')],
    ['src/preload/x.ts', use('./index')],
  ])('%s may: %s', async (filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([])
  })
})
