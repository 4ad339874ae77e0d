import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOutboxEngine, type OutboxEngine } from '../../../src/renderer/src/outbox/engine'
import type { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import type { OutboxCommand } from '../../../src/renderer/src/outbox/record'
import { markerCounts } from './model'
import { freshDb, startRig, until, type Rig } from './support'
import { startWsPort, type Loss, type WsPort } from './ws-port'

/**
 * Browser mode: the WebSocket to main closes around an addNote. When the server had already
 * received it, whether main acted is unknown, so the outbox must reconcile (look for the note's
 * marker) before any resend; when the call never left, it may resend at once.
 */
let rig: Rig
let db: OutboxDb
let ws: WsPort | undefined
let engine: OutboxEngine | undefined

beforeEach(async () => {
  rig = await startRig({ processingDelayMs: 0 })
  db = await freshDb()
})

afterEach(async () => {
  engine?.stop()
  await ws?.close()
  await rig.close()
  db.close()
})

async function existingAlert(): Promise<string> {
  const answer = await rig.port.alerts.create({
    workspaceId: rig.workspaceId,
    message: 'transport loss',
    alias: 'loss',
  })
  if (!answer.ok) throw new Error(answer.error.message)
  await until('the alert exists', () =>
    [...rig.sim.state.alerts.values()].some((a) => a.alias === 'loss'),
  )
  return 'loss'
}

async function addNoteOver(port: WsPort): Promise<OutboxCommand> {
  const alias = await existingAlert()
  engine = createOutboxEngine({
    db,
    port: port.port,
    workspaceId: rig.workspaceId,
    settings: { backoffBaseMs: 10, backoffCapMs: 50, followIntervalMs: 5, reconcileAfterMs: 200 },
  })
  const command = await engine.enqueue({
    kind: 'alerts:addNote',
    input: { alertId: alias, by: 'alias', note: 'exactly once' },
  })
  await engine.start()
  await until('the note command finished', async () => {
    const row = await byId(command.id)
    return row?.state === 'confirmed' || row?.state === 'failed'
  })
  await until('the simulator processed every request', () =>
    [...rig.sim.state.requests.values()].every((r) => r.processed !== undefined),
  )
  return (await byId(command.id)) as OutboxCommand
}

function byId(id: string): Promise<OutboxCommand | undefined> {
  return db.commands.where('id').equals(id).first()
}

function notesWith(id: string): number {
  const alert = [...rig.sim.state.alerts.values()].find((a) => a.alias === 'loss')
  return markerCounts(alert?.notes ?? []).get(id) ?? 0
}

/** Loses the first addNote the server receives, the way `loss` says. */
function loseFirstNote(loss: Loss): (channel: string) => Loss | undefined {
  let lost = false
  return (channel) => {
    if (channel !== 'alerts:addNote' || lost) return undefined
    lost = true
    return loss
  }
}

describe('outbox over a WebSocket that closes around a send', () => {
  it('main applied the note, then the socket closed: reconciles, never resends', async () => {
    ws = await startWsPort(rig, { lose: loseFirstNote('after-dispatch') })
    const command = await addNoteOver(ws)
    expect(notesWith(command.id)).toBe(1)
    expect(command.state).toBe('confirmed')
    expect(ws.codes).toContain('transport-lost')
    expect(ws.calls.filter((c) => c === 'alerts:addNote')).toHaveLength(1)
    expect(ws.calls).toContain('alerts:notes')
  })

  it('the socket closed while main was still sending: the note is applied once', async () => {
    ws = await startWsPort(rig, { lose: loseFirstNote('during-dispatch') })
    const command = await addNoteOver(ws)
    expect(notesWith(command.id)).toBe(1)
    expect(command.state).toBe('confirmed')
    expect(ws.codes).toContain('transport-lost')
  })

  it('the server took the frame but main never saw it: reconciles, then resends once', async () => {
    ws = await startWsPort(rig, { lose: loseFirstNote('before-dispatch') })
    const command = await addNoteOver(ws)
    expect(notesWith(command.id)).toBe(1)
    expect(command.state).toBe('confirmed')
    const notes = ws.calls.indexOf('alerts:notes')
    expect(notes).toBeGreaterThan(ws.calls.indexOf('alerts:addNote'))
    expect(ws.calls.lastIndexOf('alerts:addNote')).toBeGreaterThan(notes)
  })

  it('the socket was down when the call was made: not sent, resent without reconciling', async () => {
    ws = await startWsPort(rig, { reconnectMs: 300 })
    await until('connected', async () => (await ws?.port.requests.status(probe()))?.ok === true)
    ws.dropConnections()
    await until(
      'the renderer saw the drop',
      async () => !(await ws?.port.requests.status(probe()))?.ok,
    )
    ws.codes.length = 0
    ws.calls.length = 0
    const command = await addNoteOver(ws)
    expect(notesWith(command.id)).toBe(1)
    expect(command.state).toBe('confirmed')
    expect(ws.codes).toContain('not-sent')
    expect(ws.codes).not.toContain('transport-lost')
    expect(ws.calls).not.toContain('alerts:notes')
    expect(ws.received.filter((c) => c === 'alerts:addNote')).toHaveLength(1)
  })
})

function probe(): { workspaceId: string; domain: 'alert'; requestId: string } {
  return { workspaceId: rig.workspaceId, domain: 'alert', requestId: 'probe' }
}
