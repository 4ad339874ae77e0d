import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DiagnosticsReport } from '../../../../src/shared/ipc/diagnostics'
import { DiagnosticsReport as ReportSchema } from '../../../../src/shared/ipc/diagnostics'
import { storedSecretValues } from '../../../../src/main/gateway/diagnostics/archive'
import { createDiagnosticsHandlers } from '../../../../src/main/gateway/diagnostics/handlers'
import { openLogFile } from '../../../../src/main/gateway/diagnostics/log-file'
import { createLogger } from '../../../../src/main/gateway/diagnostics/logger'
import { createRendererLog } from '../../../../src/main/gateway/diagnostics/renderer-log'
import { createIpcRouter } from '../../../../src/main/gateway/ipc/router'
import { createMemorySecretStore } from '../../../../src/main/gateway/secrets'

/** An Opsgenie key is a UUID: nothing but its value gives it away. */
const API_KEY = '5d0c1e7a-93b2-4f6e-a1c8-2b7d9e04f3a6'
const RELAY_TOKEN = 'odr_q7VbX2kP9mN4tR8sW1yZ3cF6hJ0lA5dG-uE_iO2pK4w'
const OTHER_HEX_SECRET = 'c0ffee'.repeat(10) + 'beef'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ondeck-diag-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function report(): DiagnosticsReport {
  return ReportSchema.parse({
    settings: {
      workspaces: [
        {
          id: 'acme',
          name: 'Acme',
          host: 'eu',
          relayUrl: 'https://relay.acme.example',
          demo: false,
          username: 'ana@acme.example',
          addedAt: 1,
        },
      ],
      preferences: [{ key: 'theme', value: 'dark' }],
    },
    outbox: {
      counts: { queued: 1, failed: 1 },
      commands: [
        {
          id: 'c1',
          workspaceId: 'acme',
          kind: 'alerts:addNote',
          state: 'failed',
          lane: 'alert:1',
          attempts: 2,
          createdAt: 1,
          updatedAt: 2,
          failure: `401 Unauthorized: GenieKey ${API_KEY}`,
          // A responder pasted the key into a note: user text is kept, the key is not.
          note: `rotated key, new one is ${API_KEY} and relay ${RELAY_TOKEN}`,
        },
      ],
      pauses: [{ workspaceId: 'acme', reason: `key ${API_KEY} refused`, since: 3 }],
    },
    intake: {
      cursors: [{ source: 'relay', cursor: 'relay:42', updatedAt: 4 }],
      undecodedEvents: 0,
    },
    userAgent: 'test',
  })
}

describe('diagnostics:export', () => {
  it('writes an archive in which no byte spells a stored key or token', async () => {
    const secrets = createMemorySecretStore()
    await secrets.set(
      { workspaceId: 'acme', kind: 'api-key' },
      API_KEY,
      'https://api.eu.opsgenie.com',
    )
    await secrets.set(
      { workspaceId: 'acme', kind: 'relay-token' },
      RELAY_TOKEN,
      'https://relay.acme.example',
    )
    const logFile = join(dir, 'logs', 'main.log')
    const sink = openLogFile({ file: logFile, maxBytes: 100_000, keep: 2 })
    // The logger saw the secrets before it knew them (no `secrets` yet): only shapes help it.
    const logger = createLogger({ sink, scope: 'gateway' })
    logger.warn('request failed', {
      url: `https://api.eu.opsgenie.com/v2/alerts?identifier=${API_KEY}`,
      body: JSON.stringify({ key: API_KEY, token: RELAY_TOKEN }),
      error: new Error(`403 for GenieKey ${API_KEY} via Bearer ${RELAY_TOKEN}`),
    })
    for (let i = 0; i < 20; i += 1) logger.info(`filler ${i} ${API_KEY.toUpperCase()}`)
    // Lines that never went through the logger: a crash report, an older version's file.
    appendFileSync(
      logFile,
      `raw ${API_KEY} ${encodeURIComponent(RELAY_TOKEN)} ${OTHER_HEX_SECRET}\n`,
    )
    writeFileSync(join(dir, 'logs', 'main.2.log'), `older ${RELAY_TOKEN}\n`)
    const rendererLog = createRendererLog(createLogger({ sink, scope: 'renderer' }))
    rendererLog.write({ level: 'error', message: `fetch failed: apiKey=${API_KEY}` })

    let saved: Buffer | undefined
    const handlers = createDiagnosticsHandlers({
      logger,
      rendererLog,
      versions: () => ({ app: '1.2.3' }),
      logFiles: () => sink.files(),
      secrets: () => storedSecretValues([secrets]),
      save: async (archive, name) => {
        saved = archive
        const path = join(dir, name)
        writeFileSync(path, archive)
        return { saved: true, path }
      },
    })
    const router = createIpcRouter(handlers, { isTrustedSender: () => true })
    const answer = await router.dispatch('diagnostics:export', { report: report() }, { url: 'x' })
    expect(answer.ok).toBe(true)
    if (!answer.ok || saved === undefined) throw new Error('no archive')

    const bytes = gunzipSync(saved)
    const haystack = bytes.toString('latin1')
    for (const needle of [
      API_KEY,
      API_KEY.toUpperCase(),
      API_KEY.replace(/-/g, ''),
      RELAY_TOKEN,
      RELAY_TOKEN.slice(4),
      encodeURIComponent(RELAY_TOKEN),
      OTHER_HEX_SECRET,
      Buffer.from(API_KEY).toString('base64'),
    ]) {
      expect(haystack.includes(needle), `archive contains ${needle}`).toBe(false)
    }

    // It is a real archive that tar reads, with the expected files and the user's text kept.
    const path = (answer.value as { path: string }).path
    const listing = execFileSync('tar', ['-tzf', path], { encoding: 'utf8' }).trim().split('\n')
    expect(listing).toEqual(
      expect.arrayContaining([
        'ondeck-diagnostics/README.txt',
        'ondeck-diagnostics/versions.json',
        'ondeck-diagnostics/settings.json',
        'ondeck-diagnostics/outbox.json',
        'ondeck-diagnostics/intake.json',
        'ondeck-diagnostics/logs/main.log',
        'ondeck-diagnostics/logs/main.2.log',
      ]),
    )
    execFileSync('tar', ['-xzf', path, '-C', dir])
    const outbox = readFileSync(join(dir, 'ondeck-diagnostics', 'outbox.json'), 'utf8')
    expect(outbox).toContain('rotated key, new one is [redacted] and relay [redacted]')
    const log = readFileSync(join(dir, 'ondeck-diagnostics', 'logs', 'main.log'), 'utf8')
    expect(log).toContain('request failed')
    expect(log).toContain('[renderer] fetch failed: apiKey=[redacted]')
  })
})
