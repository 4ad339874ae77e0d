// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { renderHook, waitFor } from '@testing-library/react'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  CoordinationDb,
  coordinationDbName,
  type CoordinationPort,
} from '../../../src/renderer/src/incidents/coordination'
import { createOutboxEngine } from '../../../src/renderer/src/outbox/engine'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import type { OutboxPort } from '../../../src/renderer/src/outbox/port'
import { useOpenCoordination } from '../../../src/renderer/src/incidents/use-open-coordination'

const fail = (): never => {
  throw new Error('not read in this test')
}
const PORT: CoordinationPort = {
  directory: { onCalls: fail, schedules: fail, services: fail },
  alerts: { get: fail },
  incidents: { get: fail, list: fail },
}

const openDb = (ws: string) => new CoordinationDb(coordinationDbName(ws)).openOrExplain()

describe('useOpenCoordination', () => {
  it('opens once the outbox is ready, with the default workflows, per workspace', async () => {
    const outboxDb = await new OutboxDb(`outbox-${randomUUID()}`).openOrExplain()
    // one engine per workspace, as the app keeps it for as long as the workspace is open
    const engines = new Map<string, ReturnType<typeof createOutboxEngine>>()
    const engine = (ws: string) => {
      const made =
        engines.get(ws) ??
        createOutboxEngine({ db: outboxDb, port: {} as OutboxPort, workspaceId: ws })
      engines.set(ws, made)
      return made
    }
    const a = `ws-a-${randomUUID().slice(0, 6)}`
    const b = `ws-b-${randomUUID().slice(0, 6)}`
    const hook = renderHook(
      (p: { ws: string; ready: boolean }) =>
        useOpenCoordination(p.ws, p.ready ? engine(p.ws) : undefined, PORT, openDb),
      { initialProps: { ws: a, ready: false } },
    )
    expect(hook.result.current).toBeUndefined()
    hook.rerender({ ws: a, ready: true })
    await waitFor(() => expect(hook.result.current?.workspaceId).toBe(a))
    const workflows = await hook.result.current?.workflows()
    expect(workflows?.map((w) => w.builtin).sort()).toEqual([
      'add-oncall-responders',
      'resolve-opsgenie-incident',
    ])
    hook.rerender({ ws: b, ready: true })
    await waitFor(() => expect(hook.result.current?.workspaceId).toBe(b))
    hook.unmount()
  })
})
