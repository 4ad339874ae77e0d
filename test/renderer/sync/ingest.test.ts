import 'fake-indexeddb/auto'
import { decodeRelayFrame } from '../../../src/main/gateway/provider/opsgenie/events'
import { rawOf } from '../../../src/renderer/src/sync/intake-events'
import { describe, expect, it } from 'vitest'
import { createIngest } from '../../../src/renderer/src/sync'
import {
  confirmDeleted,
  freshDb,
  pollEvent,
  relayEvent,
  timelineCount,
  timelineEntries,
  webhook,
} from './support'

const NS = '1420452224764002246' // beyond 2^53: a float would read it as ...002240

describe('ingest of relay events', () => {
  it('applies the same event twice (one batch, then again) as one alert and one entry', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    const ack = webhook('Acknowledge', 'a1', NS)
    await ingest.applyBatch([relayEvent(ack), relayEvent(ack)])
    await ingest.applyBatch([relayEvent(ack)])
    expect(await db.alerts.count()).toBe(1)
    expect(await timelineCount(db)).toBe(1)
    // The timeline entry is the dedup record: keyed by the delivery key, no separate seen row.
    expect(await db.activity.get(`a1|Acknowledge|${NS}`)).toBeDefined()
    expect(await db.seenEvents.count()).toBe(0)
  })

  it('keeps one alert and one Create entry when the alert is routed to another team', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    await ingest.applyBatch([
      relayEvent(webhook('Create', 'a1', '1700000000000000001', { teams: ['t1'] })),
    ])
    await ingest.applyBatch([relayEvent(webhook('Acknowledge', 'a1', '1700000000000000002'))])
    // The new team's integration fires Create again, later, with the team added.
    await ingest.applyBatch([
      relayEvent(webhook('Create', 'a1', '1700000000000000003', { teams: ['t2'], team: 'two' })),
    ])
    const entries = await timelineEntries(db)
    expect(entries.map((e) => e.kind).sort()).toEqual(['acknowledged', 'created'])
    expect(entries.find((e) => e.kind === 'created')?.at).toBe('1700000000000000001')
    const row = await db.alerts.get('a1')
    expect(row).toMatchObject({
      acknowledged: true,
      teams: ['t1', 't2'],
      versionNs: '01700000000000000003',
    })
  })

  it('never lets an older event overwrite newer state, but records its entry once', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    await ingest.applyBatch([relayEvent(webhook('Close', 'a1', '1700000000000000500'))])
    await ingest.applyBatch([
      relayEvent(webhook('Acknowledge', 'a1', '1700000000000000499', { message: 'stale' })),
    ])
    const row = await db.alerts.get('a1')
    expect(row).toMatchObject({
      status: 'closed',
      acknowledged: false,
      message: 'alert a1',
      versionNs: '01700000000000000500',
    })
    expect((await timelineEntries(db)).map((e) => e.at).sort()).toEqual([
      '1700000000000000499',
      '1700000000000000500',
    ])
  })

  it('orders by the exact nanoseconds, not by a rounded float', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    // Both round to the same double; only exact text tells them apart.
    await ingest.applyBatch([relayEvent(webhook('Acknowledge', 'a1', '1420452224764002247'))])
    await ingest.applyBatch([relayEvent(webhook('UnAcknowledge', 'a1', '1420452224764002246'))])
    expect(await db.alerts.get('a1')).toMatchObject({ acknowledged: true })
  })

  it('does not bring a deleted alert back with a late event', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    await ingest.applyBatch([relayEvent(webhook('Create', 'a1', '1700000000000000001'))])
    await ingest.applyBatch([relayEvent(webhook('Delete', 'a1', '1700000000000000009'))])
    await confirmDeleted(db) // Opsgenie answers 404
    await ingest.applyBatch([
      relayEvent(webhook('AddNote', 'a1', '1700000000000000010', { note: 'late' })),
    ])
    await ingest.applyAlerts([]) // no-op
    expect(await db.alerts.get('a1')).toBeUndefined()
    // The Delete and the late note keep their entries; the creation went with the deleted row
    // (it lives on the alert row since issue 12), and nothing shows a deleted alert's timeline.
    expect((await timelineEntries(db)).map((e) => e.action).sort()).toEqual(['AddNote', 'Delete'])
  })

  it('applies AddTags/RemoveTags deltas, UpdatePriority and custom actions', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    const noTags = { tags: undefined }
    await ingest.applyBatch([
      relayEvent(webhook('Create', 'a1', '1700000000000000001', { tags: ['x'] })),
      relayEvent(webhook('AddTags', 'a1', '1700000000000000002', { ...noTags, addedTags: 'y, z' })),
      relayEvent(
        webhook('RemoveTags', 'a1', '1700000000000000003', { ...noTags, removedTags: 'x' }),
      ),
      relayEvent(
        webhook('UpdatePriority', 'a1', '1700000000000000004', {
          ...noTags,
          priority: 'P1',
          oldPriority: 'P2',
        }),
      ),
      relayEvent(
        webhook('RestartService', 'a1', '1700000000000000005', { ...noTags, priority: 'P1' }),
      ),
    ])
    expect(await db.alerts.get('a1')).toMatchObject({
      tags: ['y', 'z'],
      priority: 'P1',
      priorityRank: 1,
    })
    const kinds = (await timelineEntries(db)).sort((a, b) => a.at.localeCompare(b.at))
    expect(kinds.map((k) => [k.kind, k.text])).toEqual([
      ['created', 'alert a1'],
      ['tags-added', 'y, z'],
      ['tags-removed', 'x'],
      ['priority-changed', 'P2 → P1'],
      ['custom-action', undefined],
    ])
  })

  it('puts malformed and unknown events in diagnostics and still applies the rest of the batch', async () => {
    const db = await freshDb()
    const malformed = relayEvent('{"action":"Create","alert":{')
    const unknownAction = relayEvent(
      JSON.stringify({ action: 'Teleport', alert: { alertId: 'a9' } }),
    )
    const missingId = relayEvent(JSON.stringify({ action: 'Close', alert: { message: 'no id' } }))
    const notRelay = { ...relayEvent('{}'), payload: decodeRelayFrame('{"hello":1}', 0) }
    const unknownPoll = pollEvent({ kind: 'alert', alert: { message: 'no id' } })
    const result = await createIngest(db).applyBatch([
      malformed,
      relayEvent(webhook('Create', 'a1', '1700000000000000001')),
      unknownAction,
      missingId,
      notRelay,
      unknownPoll,
      relayEvent(webhook('Acknowledge', 'a1', '1700000000000000002')),
    ])
    expect(result).toMatchObject({ applied: 2, diagnostics: 5 })
    expect(await db.alerts.get('a1')).toMatchObject({ acknowledged: true })
    const diagnostics = await db.diagnostics.orderBy('id').toArray()
    expect(diagnostics.map((d) => d.reason)).toEqual([
      expect.stringContaining('webhook payload is not JSON'),
      expect.stringContaining('unknown action "Teleport"'),
      expect.stringContaining('alert.alertId'),
      expect.stringContaining('not a relay event'),
      expect.stringContaining('unknown intake payload'),
    ])
    expect(diagnostics[0]?.raw).toBe(rawOf(malformed))
    expect(diagnostics[4]).toMatchObject({ source: 'poll', raw: rawOf(unknownPoll) })
  })
})

describe('large batches', () => {
  it('applies a few thousand events in chunked transactions without committing early', async () => {
    const db = await freshDb()
    const creates = Array.from({ length: 2500 }, (_, i) =>
      relayEvent(webhook('Create', `a${i}`, `${1700000000000000000n + BigInt(i)}`)),
    )
    const acks = creates
      .slice(0, 1200)
      .map((_, i) =>
        relayEvent(webhook('Acknowledge', `a${i}`, `${1700000000100000000n + BigInt(i)}`)),
      )
    const result = await createIngest(db, { chunkSize: 2000 }).applyBatch([...creates, ...acks])
    expect(result).toMatchObject({ applied: 3700, diagnostics: 0 })
    expect(
      await db.alerts
        .where('status')
        .equals('open')
        .filter((a) => !a.acknowledged)
        .count(),
    ).toBe(1300)
    expect(await timelineCount(db)).toBe(3700)
    expect((await db.cursors.get('relay'))?.cursor).toBe(acks.at(-1)?.cursor)
  }, 30_000)
})

describe('the intake cursor', () => {
  it('is the last event of the batch, written with the rows, also across chunks', async () => {
    const db = await freshDb()
    const events = Array.from({ length: 7 }, (_, i) =>
      relayEvent(webhook('Create', `a${i}`, `170000000000000000${i}`)),
    )
    await createIngest(db, { chunkSize: 3 }).applyBatch(events)
    expect(await db.alerts.count()).toBe(7)
    expect((await db.cursors.get('relay'))?.cursor).toBe(events[6]?.cursor)
  })

  it('moves neither rows nor cursor when the transaction fails', async () => {
    const db = await freshDb()
    const ingest = createIngest(db)
    const first = relayEvent(webhook('Create', 'a1', '1700000000000000001'))
    await ingest.applyBatch([first])
    // Writing the cursor is the transaction's last step: failing there must undo the rest.
    const failing = (): never => {
      throw new Error('disk full')
    }
    db.cursors.hook('updating', failing)
    const batch = [
      relayEvent(webhook('Close', 'a1', '1700000000000000002')),
      relayEvent(webhook('Create', 'a2', '1700000000000000003')),
    ]
    await expect(ingest.applyBatch(batch)).rejects.toThrow('disk full')
    expect(await db.alerts.get('a1')).toMatchObject({ status: 'open' })
    expect(await db.alerts.get('a2')).toBeUndefined()
    expect(await timelineCount(db)).toBe(1)
    expect((await db.cursors.get('relay'))?.cursor).toBe(first.cursor)
    // Nothing of the failed chunk counts as seen: the same events apply once storage recovers.
    db.cursors.hook('updating').unsubscribe(failing)
    await expect(ingest.applyBatch(batch)).resolves.toMatchObject({ applied: 2 })
    expect(await db.alerts.get('a1')).toMatchObject({ status: 'closed' })
  })
})
