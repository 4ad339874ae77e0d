import type { Page } from '@playwright/test'
import type { AlertRecord, RunningSimulator } from '../../../src/simulator'

/** An outbox row as the crash test reads it straight out of the page's IndexedDB. */
export interface StoredCommand {
  id: string
  kind: string
  state: string
  input: Record<string, unknown>
  failure?: { kind: string; message: string }
}

/** Every command in the page's outbox database (`ondeck-outbox-default`), read with raw IndexedDB. */
export function readOutbox(page: Page): Promise<StoredCommand[]> {
  return page.evaluate(
    () =>
      new Promise<StoredCommand[]>((resolve, reject) => {
        const open = indexedDB.open('ondeck-outbox-default')
        open.onerror = () => reject(open.error ?? new Error('cannot open the outbox database'))
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('commands')) {
            db.close()
            resolve([])
            return
          }
          const request = db.transaction('commands').objectStore('commands').getAll()
          request.onerror = () => reject(request.error ?? new Error('cannot read the outbox'))
          request.onsuccess = () => {
            db.close()
            resolve(request.result as StoredCommand[])
          }
        }
      }),
  )
}

/**
 * Stores outbox tuning in the settings database, as the Settings view would: the app reads it
 * when it opens the workspace's outbox. The settings database must already exist (app loaded).
 */
export function writeOutboxSettings(page: Page, settings: Record<string, number>): Promise<void> {
  return page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ondeck-settings')
        open.onerror = () => reject(open.error ?? new Error('cannot open the settings database'))
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction('preferences', 'readwrite', { durability: 'strict' })
          tx.objectStore('preferences').put({ key: 'outboxSettings', value })
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error ?? new Error('cannot write the preference'))
        }
      }),
    settings,
  )
}

export const ACTIVE = new Set(['queued', 'waiting', 'sent'])

/** The simulator's alerts with this alias (more than one would be a duplicate create). */
export function alertsByAlias(sim: RunningSimulator, alias: string): AlertRecord[] {
  return [...sim.state.alerts.values()].filter((a) => a.alias === alias)
}

/** What the simulator logged for an alert, counted the way duplicates would show. */
export function effectsOn(alert: AlertRecord): {
  acknowledged: number
  closed: number
  ignored: string[]
  notes: string[]
} {
  return {
    acknowledged: alert.logs.filter((l) => l.log.startsWith('Alert acknowledged by')).length,
    closed: alert.logs.filter((l) => l.log.startsWith('Alert closed by')).length,
    ignored: alert.logs.filter((l) => /ignored/i.test(l.log)).map((l) => l.log),
    notes: alert.notes.map((n) => n.note),
  }
}
