import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openActionQueue } from '../../../src/main/shell/action-queue'

const ack = { notificationId: 'alert-1', action: 'acknowledge' as const }
const HOUR = 60 * 60 * 1000

let folder: string
let file: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ondeck-actions-'))
  file = join(folder, 'userData', 'notification-actions.jsonl')
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

function open(options: { now?: () => number; maxEntries?: number } = {}) {
  const log = { info: vi.fn(), warn: vi.fn() }
  return { queue: openActionQueue({ file, log, ...options }), log }
}

describe('notification action queue (a real folder)', () => {
  it('has the action on disk when enqueue returns, and again after a restart', () => {
    const first = open().queue
    const queued = first.enqueue(ack)
    expect(readFileSync(file, 'utf8')).toContain(queued.deliveryId)
    const restarted = open().queue
    expect(restarted.pending()).toEqual([{ deliveryId: queued.deliveryId, action: ack }])
  })

  it('forgets an action once taken, across restarts too', () => {
    const { queue } = open()
    const a = queue.enqueue(ack)
    const b = queue.enqueue({ notificationId: 'alert-2', action: 'close' })
    queue.take(a.deliveryId)
    expect(
      open()
        .queue.pending()
        .map((q) => q.deliveryId),
    ).toEqual([b.deliveryId])
    open().queue.take(b.deliveryId)
    expect(open().queue.pending()).toEqual([])
  })

  it('drops actions older than 24 hours, with a log line', () => {
    let now = 1_000_000
    open({ now: () => now }).queue.enqueue(ack)
    now += 25 * HOUR
    const { queue, log } = open({ now: () => now })
    expect(queue.pending()).toEqual([])
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('older than 24h'))
    expect(open({ now: () => now }).queue.pending()).toEqual([])
  })

  it('keeps at most maxEntries, dropping the oldest with a log line', () => {
    const { queue, log } = open({ maxEntries: 2 })
    const ids = ['a', 'b', 'c'].map((n) => queue.enqueue({ notificationId: n, action: 'open' }))
    expect(queue.pending().map((q) => q.action.notificationId)).toEqual(['b', 'c'])
    expect(ids).toHaveLength(3)
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('dropped the oldest'))
  })

  it('skips a torn last line (a crash mid-write) and keeps the rest', () => {
    const queued = open().queue.enqueue(ack)
    appendFileSync(file, '{"put":{"deliveryId":"x","at":1,"act')
    const { queue, log } = open()
    expect(queue.pending()).toEqual([{ deliveryId: queued.deliveryId, action: ack }])
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('unreadable'))
  })

  it('stays small: compacted on open and when it empties', () => {
    const { queue } = open()
    for (let i = 0; i < 20; i++) queue.take(queue.enqueue(ack).deliveryId)
    expect(readFileSync(file, 'utf8')).toBe('')
  })

  it('refuses an action outside the contract', () => {
    const { queue } = open()
    expect(() => queue.enqueue({ notificationId: 'x', action: 'rm -rf' as 'open' })).toThrow()
  })
})
