import { render, type RenderResult } from '@testing-library/react'
import type { ReactElement } from 'react'
import type { AppServices, SessionIngest } from '../../../../src/renderer/src/app/services'
import { ServicesProvider } from '../../../../src/renderer/src/app/services'
import { OutboxProvider, type OpenOutbox } from '../../../../src/renderer/src/outbox/outbox-context'
import { SettingsDb } from '../../../../src/renderer/src/settings/settings-db'
import { WorkspaceProvider } from '../../../../src/renderer/src/app/workspace-context'
import {
  CoordinationDb,
  coordinationDbName,
} from '../../../../src/renderer/src/incidents/coordination'
import { CacheDb } from '../../../../src/renderer/src/db/cache-db'
import { createOutboxEngine } from '../../../../src/renderer/src/outbox/engine'
import { OutboxDb } from '../../../../src/renderer/src/outbox/outbox-db'
import { createFakeApi, type FakeApi, type FakeHandlers } from './fake-api'
import { freshWorkspaceId } from './fixtures'

export interface TestHarness {
  readonly fake: FakeApi
  readonly services: AppServices
  readonly db: CacheDb
  readonly workspaceId: string
  /** The workspace's outbox (started engine over the fake API) the rendered views use. */
  readonly outbox: OpenOutbox
  render(ui: ReactElement, options?: { username?: string }): RenderResult
}

const noIngest: SessionIngest = { applyBatch: async () => undefined }

/**
 * Services with a fake API and fresh fake-indexeddb databases (cache, settings, outbox), a
 * started outbox engine for the workspace, plus a render inside them.
 */
export async function harness(
  handlers: FakeHandlers = {},
  options: { startEngine?: boolean } = {},
): Promise<TestHarness> {
  const fake = createFakeApi(handlers)
  const workspaceId = freshWorkspaceId()
  const db = await new CacheDb(workspaceId).openOrExplain()
  const services: AppServices = {
    api: fake.api,
    settings: new SettingsDb(freshWorkspaceId('settings')),
    openCache: async (id) => (id === workspaceId ? db : new CacheDb(id).openOrExplain()),
    openCoordination: (id) => new CoordinationDb(coordinationDbName(id)).openOrExplain(),
    createIngest: () => noIngest,
    outbox: new OutboxDb(freshWorkspaceId('outbox')),
  }
  const engine = createOutboxEngine({
    db: services.outbox,
    port: fake.api,
    workspaceId,
    settings: { followIntervalMs: 5, backoffBaseMs: 5, reconcileAfterMs: 20 },
  })
  // The full App makes its own engine; two engines on one workspace would both replay.
  if (options.startEngine !== false) await engine.start()
  const outbox: OpenOutbox = { db: services.outbox, engine, workspaceId }
  const config = { id: workspaceId, name: 'Acme', host: 'us' as const, demo: false }
  return {
    fake,
    services,
    db,
    workspaceId,
    outbox,
    render: (ui, options = {}) =>
      render(
        <ServicesProvider services={services}>
          <WorkspaceProvider workspace={{ config, db, ...options }}>
            <OutboxProvider outbox={outbox}>{ui}</OutboxProvider>
          </WorkspaceProvider>
        </ServicesProvider>,
      ),
  }
}
