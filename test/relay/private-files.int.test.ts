import Database from 'better-sqlite3'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fixtures, startTestRelay, type TestRelay } from './support/relay-harness.js'

const parents: string[] = []
let t: TestRelay | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
  for (const dir of parents.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8)
const FILES = ['events.sqlite', 'tokens.sqlite'].flatMap((f) => [f, `${f}-wal`, `${f}-shm`])

async function expectPrivate(dataDir: string, relay: TestRelay): Promise<void> {
  expect((await relay.post(fixtures()[0]?.body ?? '')).status).toBe(200)
  expect(mode(dataDir)).toBe('700')
  for (const file of FILES) expect(mode(join(dataDir, file)), file).toBe('600')
}

describe('relay data on disk', () => {
  it('creates the data folder 0700 and every database file 0600, whatever the umask', async () => {
    const previous = process.umask(0o022)
    try {
      const parent = mkdtempSync(join(tmpdir(), 'ondeck-relay-perm-'))
      parents.push(parent)
      const dataDir = join(parent, 'nested', 'data')
      t = await startTestRelay({ dataDir })
      await expectPrivate(dataDir, t)
    } finally {
      process.umask(previous)
    }
  })

  it('tightens a folder and databases an older relay left readable by others', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'ondeck-relay-perm-'))
    parents.push(parent)
    const dataDir = join(parent, 'data')
    mkdirSync(dataDir)
    chmodSync(dataDir, 0o755)
    for (const name of ['events.sqlite', 'tokens.sqlite']) {
      const db = new Database(join(dataDir, name))
      db.pragma('journal_mode = WAL')
      db.exec('CREATE TABLE IF NOT EXISTS legacy (x)')
      for (const file of [name, `${name}-wal`, `${name}-shm`]) chmodSync(join(dataDir, file), 0o644)
      db.close()
    }
    t = await startTestRelay({ dataDir })
    await expectPrivate(dataDir, t)
  })
})
