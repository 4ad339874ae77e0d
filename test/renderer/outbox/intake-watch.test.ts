// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import type { OutboxEngine } from '../../../src/renderer/src/outbox/engine'
import { watchIntake } from '../../../src/renderer/src/outbox/intake-watch'
import type { OndeckApi } from '../../../src/shared/ipc/api'
import type { ConnectionHealth, IntakeEvent } from '../../../src/shared/ipc/schemas'

/** The intake part of the API: events pushed by the test, `intake:health` answered by it. */
function fakeIntake(answer: ConnectionHealth['state'] | 'not connected') {
  const health = new Set<(h: ConnectionHealth) => void>()
  const events = new Set<(e: IntakeEvent) => void>()
  const asked = vi.fn(async () =>
    answer === 'not connected'
      ? { ok: false as const, error: { code: 'failed' as const, message: 'not connected' } }
      : { ok: true as const, value: { workspaceId: 'w', state: answer } },
  )
  const api = {
    intake: {
      health: asked,
      onHealth: (listener: (h: ConnectionHealth) => void) => {
        health.add(listener)
        return () => health.delete(listener)
      },
      onEvent: (listener: (e: IntakeEvent) => void) => {
        events.add(listener)
        return () => events.delete(listener)
      },
    },
  } as unknown as OndeckApi
  return {
    api,
    asked,
    health: (state: ConnectionHealth['state'], workspaceId = 'w') =>
      health.forEach((l) => l({ workspaceId, state })),
    event: (e: IntakeEvent) => events.forEach((l) => l(e)),
  }
}

const engineSpy = () => {
  const engine = { wake: vi.fn(), observe: vi.fn() }
  return { engine, get: () => engine as unknown as OutboxEngine }
}

describe('the outbox watches its workspace intake', () => {
  it('observes only while the relay is live, asking main once when no health event came', async () => {
    const intake = fakeIntake('live')
    const { get } = engineSpy()
    const watch = watchIntake(intake.api, 'w', get)
    expect(watch.observing()).toBe(false)
    await vi.waitFor(() => expect(watch.observing()).toBe(true))
    expect(intake.asked).toHaveBeenCalledTimes(1)
    intake.health('degraded')
    expect(watch.observing()).toBe(false)
    intake.health('live', 'another workspace')
    expect(watch.observing()).toBe(false)
    watch.stop()
  })

  it('a workspace not connected yet is asked again later, and nothing is observed meanwhile', async () => {
    const intake = fakeIntake('not connected')
    const watch = watchIntake(intake.api, 'w', engineSpy().get)
    expect(watch.observing()).toBe(false)
    await vi.waitFor(() => expect(intake.asked).toHaveBeenCalledTimes(1))
    await Promise.resolve()
    await vi.waitFor(() => {
      watch.observing()
      expect(intake.asked.mock.calls.length).toBeGreaterThan(1)
    })
    watch.stop()
  })

  it('wakes the lanes when the intake leaves offline and when the OS says online, not on a repeat', () => {
    const intake = fakeIntake('live')
    const { engine, get } = engineSpy()
    const watch = watchIntake(intake.api, 'w', get)
    intake.health('offline')
    expect(engine.wake).not.toHaveBeenCalled()
    intake.health('live')
    expect(engine.wake).toHaveBeenCalledTimes(1)
    intake.health('live')
    expect(engine.wake).toHaveBeenCalledTimes(1)
    window.dispatchEvent(new Event('online'))
    expect(engine.wake).toHaveBeenCalledTimes(2)
    watch.stop()
    window.dispatchEvent(new Event('online'))
    intake.health('polling')
    expect(engine.wake).toHaveBeenCalledTimes(2)
  })

  it("passes a note's text from its workspace's events to the engine", () => {
    const intake = fakeIntake('live')
    const { engine, get } = engineSpy()
    const watch = watchIntake(intake.api, 'w', get)
    const note = (workspaceId: string): IntakeEvent => ({
      workspaceId,
      cursor: '1',
      source: 'relay',
      receivedAt: 1,
      payload: {
        kind: 'alert-event',
        key: 'k',
        alertId: 'a1',
        activity: 'note',
        action: 'AddNote',
        atNs: '1',
        text: 'on it [ondeck:c1]',
        fields: {},
        addTeams: [],
        addResponders: [],
        effect: { kind: 'none' },
      },
    })
    intake.event(note('another workspace'))
    expect(engine.observe).not.toHaveBeenCalled()
    intake.event(note('w'))
    expect(engine.observe).toHaveBeenCalledWith({
      alerts: [],
      incidents: [],
      notes: ['on it [ondeck:c1]'],
    })
    watch.stop()
  })
})
