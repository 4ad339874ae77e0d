/**
 * `npx tsx bench/cache/index-cost.ts [rows] [rounds]`: diagnosis only. What each alert index costs a
 * write, in real Chromium: the same alert-shaped rows put with raw IndexedDB (one transaction per
 * 100 rows, as ingest does) into stores that differ only in their indexes, interleaved per round so
 * machine noise hits every variant alike.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { firstPage, launchProfile } from './browser'
import { buildHarness } from './build'
import { serveStatic } from './server'

const rows = Number(process.argv[2] ?? 10_000)
const rounds = Number(process.argv[3] ?? 3)
type IndexSpec = [name: string, keyPath: string | string[], multiEntry: boolean]
const compound: IndexSpec = ['lists', ['status', 'priorityRank', 'createdMs'], false]
const VARIANTS: Record<string, IndexSpec[]> = {
  'no index': [],
  'before (8)': [
    ['alias', 'alias', false],
    ['tinyId', 'tinyId', false],
    ['status', 'status', false],
    ['owner', 'owner', false],
    ['teams', 'teams', true],
    ['tags', 'tags', true],
    compound,
    ['ack', ['needsAck', 'priorityRank', 'createdMs'], false],
    ['updatedAt', 'updatedAt', false],
  ],
  'after (4)': [
    ['alias', 'alias', false],
    ['status', 'status', false],
    ['tags', 'tags', true],
    compound,
  ],
  'after without tags': [['alias', 'alias', false], ['status', 'status', false], compound],
}

const harness = await buildHarness()
const server = await serveStatic(harness, harness)
const profile = mkdtempSync(join(tmpdir(), 'ondeck-index-cost-'))
const context = await launchProfile(profile)
try {
  const page = await firstPage(context)
  await page.goto(`${server.origin}/harness/harness.html`)
  for (let round = 0; round < rounds; round++) {
    const result = await page.evaluate(
      async ([count, variants, round]) => {
        const out: Record<string, number> = {}
        for (const [name, indexes] of Object.entries(variants)) {
          const dbName = `index-cost-${round}-${name}`
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open(dbName, 1)
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore('alerts', { keyPath: 'id' })
              for (const [index, keyPath, multiEntry] of indexes)
                store.createIndex(index, keyPath, { multiEntry })
            }
            open.onsuccess = () => resolve(open.result)
            open.onerror = () => reject(open.error)
          })
          const start = performance.now()
          for (let from = 0; from < count; from += 100) {
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction('alerts', 'readwrite', { durability: 'relaxed' })
              const store = tx.objectStore('alerts')
              for (let n = from; n < Math.min(count, from + 100); n++)
                store.put({
                  id: `bench-${n}-4c94-b38b-d88f398e900f`,
                  tinyId: String(n),
                  alias: `bench-alias-${n}`,
                  message: `disk usage above 90% on db-${n % 997}`,
                  status: 'open',
                  acknowledged: false,
                  snoozed: false,
                  priority: 'P3',
                  tags: ['bench', `shard-${n % 16}`],
                  teams: ['platform'],
                  responders: [],
                  count: 1,
                  createdAt: new Date(1.7e12 + n * 1000).toISOString(),
                  updatedAt: new Date(1.7e12 + n * 1000).toISOString(),
                  owner: '',
                  priorityRank: 3,
                  needsAck: 1,
                  createdMs: 1.7e12 + n * 1000,
                  versionNs: `0${1.7e18 + n}`,
                  searchText: `disk usage above 90% on db-${n % 997}\nbench-alias-${n}`,
                })
              tx.oncomplete = () => resolve()
              tx.onerror = () => reject(tx.error)
            })
          }
          out[name] = Math.round(performance.now() - start)
          db.close()
          indexedDB.deleteDatabase(dbName)
        }
        return out
      },
      [rows, VARIANTS, round] as const,
    )
    console.log(`round ${round + 1}: ${rows} puts in transactions of 100, ms`, result)
  }
} finally {
  await context.close()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
  rmSync(harness, { recursive: true, force: true })
}
