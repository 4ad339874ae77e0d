import { describe, expect, it } from 'vitest'
import { runAlertAction } from '../../../src/renderer/src/app/alert-actions'
import type { ActionRecord } from '../../../src/renderer/src/stores/action-store'
import { createFakeApi, ok } from './support/fake-api'

function recorder(): { records: ActionRecord[]; record: (id: string, r: ActionRecord) => void } {
  const records: ActionRecord[] = []
  return { records, record: (_id, r) => records.push(r) }
}

describe('runAlertAction', () => {
  it('follows an accepted action with requests:status until it is confirmed', async () => {
    let polls = 0
    const fake = createFakeApi({
      'alerts:acknowledge': () => ok({ status: 'accepted', requestId: 'req-1' }),
      'requests:status': () => {
        polls += 1
        return ok(
          polls < 2
            ? { status: 'accepted', requestId: 'req-1' }
            : { status: 'confirmed', requestId: 'req-1' },
        )
      },
    })
    const { records, record } = recorder()
    const final = await runAlertAction(
      fake.api,
      'acme',
      { action: 'acknowledge', alertId: 'a1', args: {} },
      { record, followDelayMs: 0 },
    )
    expect(final.phase).toBe('confirmed')
    expect(records.map((r) => r.phase)).toEqual(['sending', 'accepted', 'accepted', 'confirmed'])
    expect(fake.callsTo('alerts:acknowledge')).toEqual([{ workspaceId: 'acme', alertId: 'a1' }])
    expect(fake.callsTo('requests:status')[0]).toEqual({
      workspaceId: 'acme',
      domain: 'alert',
      requestId: 'req-1',
    })
  })

  it('stops following after the given attempts', async () => {
    const fake = createFakeApi({
      'alerts:close': () => ok({ status: 'accepted', requestId: 'r' }),
      'requests:status': () => ok({ status: 'accepted', requestId: 'r' }),
    })
    const { record } = recorder()
    const final = await runAlertAction(
      fake.api,
      'acme',
      { action: 'close', alertId: 'a1', args: {} },
      { record, followDelayMs: 0, followAttempts: 3 },
    )
    expect(final.phase).toBe('accepted')
    expect(fake.callsTo('requests:status')).toHaveLength(3)
  })

  it('shows a rejection with its reason and sends the action fields', async () => {
    const fake = createFakeApi({
      'alerts:addNote': () =>
        ok({ status: 'rejected', kind: 'wrong-key', message: 'the key is read-only' }),
    })
    const { record } = recorder()
    const final = await runAlertAction(
      fake.api,
      'acme',
      { action: 'addNote', alertId: 'a1', args: { note: 'looking' } },
      { record },
    )
    expect(final).toMatchObject({ phase: 'rejected', message: 'wrong-key: the key is read-only' })
    expect(fake.callsTo('alerts:addNote')).toEqual([
      { workspaceId: 'acme', alertId: 'a1', note: 'looking' },
    ])
    expect(fake.callsTo('requests:status')).toHaveLength(0)
  })

  it('turns a failed IPC call into a failed record', async () => {
    const fake = createFakeApi({})
    const { record } = recorder()
    const final = await runAlertAction(
      fake.api,
      'acme',
      { action: 'setPriority', alertId: 'a1', args: { priority: 'P1' } },
      { record },
    )
    expect(final).toMatchObject({ phase: 'failed', message: 'no fake for alerts:setPriority' })
  })
})
