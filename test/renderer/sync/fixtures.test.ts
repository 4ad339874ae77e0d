import 'fake-indexeddb/auto'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AlertRow } from '../../../src/renderer/src/db/rows'
import { createIngest } from '../../../src/renderer/src/sync'
import { FIXTURES, freshDb, relayEvent, timelineEntries } from './support'

/** What each action must leave behind; a fixture for an action not listed gets the generic checks. */
const EXPECT: Record<string, (row: AlertRow | undefined, text: string | undefined) => void> = {
  Create: (row) => {
    expect(row).toMatchObject({
      status: 'open',
      acknowledged: false,
      needsAck: 1,
      priority: 'P3',
      priorityRank: 3,
    })
    expect(row).toMatchObject({
      message: 'another alert',
      alias: 'alert-alias',
      tinyId: '2',
      entity: 'Server',
      tags: ['vip'],
    })
    expect(row?.createdAt).toBe(new Date(1502709956288).toISOString())
    expect(row?.versionNs).toBe('01502709956288000110')
    expect(row?.searchText).toContain('another alert')
  },
  Acknowledge: (row) =>
    expect(row).toMatchObject({ acknowledged: true, needsAck: 0, status: 'open' }),
  UnAcknowledge: (row) => expect(row).toMatchObject({ acknowledged: false, needsAck: 1 }),
  AssignOwnership: (row, text) => {
    expect(row?.owner).toBe('user2@ifountain.com')
    expect(text).toBe('user2@ifountain.com')
  },
  TakeOwnership: (row) => expect(row?.owner).toBe('test@test.com'),
  AddNote: (_row, text) => expect(text).toBe('note to test alert'),
  AddTeam: (row, text) => {
    expect(row?.responders).toContainEqual({ type: 'team', name: 'team2' })
    expect(text).toBe('team2')
  },
  AddRecipient: (_row, text) => expect(text).toBe('team2_escalation'),
  AddTags: (row, text) => {
    expect(row?.tags).toEqual(['tag1', 'tag2', 'tag3'])
    expect(text).toBe('tag1,tag2,tag3')
  },
  RemoveTags: (row, text) => {
    expect(row?.tags).toEqual(['tag1', 'tag2'])
    expect(text).toBe('tag3')
  },
  Close: (row) => expect(row).toMatchObject({ status: 'closed', needsAck: 0 }),
  Delete: (row) => expect(row).toBeUndefined(),
  Escalate: (row) => expect(row).toBeUndefined(), // carries no alert state, only the timeline entry
}

const KINDS: Record<string, string> = {
  Create: 'created',
  Acknowledge: 'acknowledged',
  UnAcknowledge: 'unacknowledged',
  AssignOwnership: 'assigned',
  TakeOwnership: 'took-ownership',
  AddNote: 'note',
  AddTeam: 'team-added',
  AddRecipient: 'responder-added',
  AddTags: 'tags-added',
  RemoveTags: 'tags-removed',
  Escalate: 'escalated',
  Close: 'closed',
  Delete: 'deleted',
}

// Every fixture under webhook-fixtures/ (any source folder), so a new one is covered automatically.
const files = (readdirSync(FIXTURES, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.json'))
  .sort()

describe('every webhook fixture', () => {
  it('finds the fixtures', () => expect(files.length).toBeGreaterThanOrEqual(14))

  it.each(files)('%s ingests to the right alert state and one timeline entry', async (file) => {
    const raw = readFileSync(new URL(file, FIXTURES), 'utf8')
    const body = JSON.parse(raw) as {
      action: string
      alert: { alertId: string; username?: string }
    }
    const receivedAt = Date.parse('2026-11-27T01:02:03.004Z')
    const db = await freshDb()
    const result = await createIngest(db).applyBatch([relayEvent(raw, receivedAt)])

    expect(result).toMatchObject({ applied: 1, diagnostics: 0 })
    expect(await db.diagnostics.count()).toBe(0)
    const entries = await timelineEntries(db)
    expect(entries).toHaveLength(1)
    const entry = entries[0]
    // The exact digits Opsgenie sent, which a JSON number would round.
    const exact = /"updatedAt"\s*:\s*(\d+)/.exec(raw)?.[1] ?? `${BigInt(receivedAt) * 1_000_000n}`
    expect(entry?.at).toBe(exact)
    expect(entry?.action).toBe(body.action)
    expect(entry?.kind).toBe(KINDS[body.action] ?? 'custom-action')
    expect(entry?.subject).toEqual({ kind: 'alert', id: body.alert.alertId })
    expect(entry?.actor).toBe(
      body.alert.username ?? (body as { escalationName?: string }).escalationName,
    )

    const row = await db.alerts.get(body.alert.alertId)
    const check = EXPECT[body.action]
    if (check !== undefined) check(row, entry?.text)
    else expect(row).toMatchObject({ id: body.alert.alertId, status: 'open' })
    expect(await db.cursors.get('relay')).toMatchObject({
      cursor: expect.stringMatching(/^relay:\d+$/),
    })
    db.close()
  })
})
