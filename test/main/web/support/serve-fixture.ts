import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createIpcRouter } from '../../../../src/main/gateway/ipc/router'
import { startWebServer } from '../../../../src/main/web/server'

/**
 * The browser-mode server alone in its own process, as `npm run web` runs it, so a test can see
 * whether a request ends the process. Prints `{ "port": n }` once listening; runs until killed.
 */
const root = mkdtempSync(join(tmpdir(), 'ondeck-web-fixture-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ondeck</title>')
const web = await startWebServer({
  rendererRoot: root,
  router: (origin) =>
    createIpcRouter(
      { 'app:info': async () => ({ version: '0.0.0', mode: 'web' as const }) },
      { isTrustedSender: (sender) => sender.url === origin },
    ),
})
console.log(JSON.stringify({ port: web.port }))
