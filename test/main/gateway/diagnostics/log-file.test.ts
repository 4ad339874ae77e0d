import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLogFile, rotatedPath } from '../../../../src/main/gateway/diagnostics/log-file'
import { createLogger } from '../../../../src/main/gateway/diagnostics/logger'
import { createRendererLog } from '../../../../src/main/gateway/diagnostics/renderer-log'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ondeck-log-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('openLogFile (electron-log file transport)', () => {
  it('writes scrubbed lines with time and level, in a file only the user can read', () => {
    const file = join(dir, 'logs', 'main.log')
    const log = createLogger({ sink: openLogFile({ file }), secrets: () => ['the-api-key-1234'] })
    log.info('request', { auth: 'GenieKey the-api-key-1234' })
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\]\s+request auth=/)
    expect(text).not.toContain('the-api-key-1234')
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('rotates past maxBytes and keeps only `keep` old files, so the disk use is bounded', () => {
    const file = join(dir, 'main.log')
    const sink = openLogFile({ file, maxBytes: 2_000, keep: 2 })
    const log = createLogger({ sink })
    for (let i = 0; i < 400; i += 1) log.info(`line ${i} ${'x'.repeat(50)}`)
    expect(sink.files()).toEqual([file, rotatedPath(file, 1), rotatedPath(file, 2)])
    const total = sink.files().reduce((sum, path) => sum + statSync(path).size, 0)
    expect(total).toBeLessThan(3 * (2_000 + 200))
    // The newest line is in the current file, older ones in .1 then .2.
    expect(readFileSync(file, 'utf8')).toContain('line 399 ')
    expect(readFileSync(rotatedPath(file, 2), 'utf8')).not.toContain('line 399 ')
  })
})

describe('createRendererLog', () => {
  it('lets a burst through, then a few per second, and reports how many it dropped', () => {
    const file = join(dir, 'main.log')
    let now = 0
    const logger = createLogger({ sink: openLogFile({ file }), scope: 'renderer' })
    const gate = createRendererLog(logger, { burst: 3, perSecond: 2, maxChars: 10 }, () => now)
    const written = Array.from({ length: 10 }, (_, i) =>
      gate.write({ level: 'info', message: `page line ${i}` }),
    )
    expect(written.filter(Boolean)).toHaveLength(3)
    now = 1_000
    expect(gate.write({ level: 'warn', message: 'after a second' })).toBe(true)
    const text = readFileSync(file, 'utf8')
    expect(text).toContain('[renderer] after a se…[cut] droppedBefore=7')
  })

  it('holds a flood to burst + rate: 100,000 lines in ten seconds write under 110', () => {
    let now = 0
    let lines = 0
    const logger = createLogger({ sink: { write: () => (lines += 1) } })
    const gate = createRendererLog(logger, undefined, () => now)
    for (let i = 0; i < 100_000; i += 1) {
      now = i / 10
      gate.write({ level: 'error', message: 'x'.repeat(4_000) })
    }
    expect(lines).toBeLessThan(110)
  })
})
