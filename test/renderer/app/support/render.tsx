import { render, type RenderResult } from '@testing-library/react'
import type { ReactElement } from 'react'
import type { AppServices, Ingest } from '../../../../src/renderer/src/app/services'
import { ServicesProvider } from '../../../../src/renderer/src/app/services'
import { SettingsDb } from '../../../../src/renderer/src/app/settings-db'
import { WorkspaceProvider } from '../../../../src/renderer/src/app/workspace-context'
import { CacheDb } from '../../../../src/renderer/src/db/cache-db'
import { createFakeApi, type FakeApi, type FakeHandlers } from './fake-api'
import { freshWorkspaceId } from './fixtures'

export interface TestHarness {
  readonly fake: FakeApi
  readonly services: AppServices
  readonly db: CacheDb
  readonly workspaceId: string
  render(ui: ReactElement, options?: { username?: string }): RenderResult
}

const noIngest: Ingest = { applyBatch: async () => undefined }

/** Services with a fake API and fresh fake-indexeddb databases, plus a render inside them. */
export async function harness(handlers: FakeHandlers = {}): Promise<TestHarness> {
  const fake = createFakeApi(handlers)
  const workspaceId = freshWorkspaceId()
  const db = await new CacheDb(workspaceId).openOrExplain()
  const services: AppServices = {
    api: fake.api,
    settings: new SettingsDb(freshWorkspaceId('settings')),
    openCache: async (id) => (id === workspaceId ? db : new CacheDb(id).openOrExplain()),
    createIngest: () => noIngest,
    followDelayMs: 0,
  }
  const config = { id: workspaceId, name: 'Acme', host: 'us' as const, demo: false }
  return {
    fake,
    services,
    db,
    workspaceId,
    render: (ui, options = {}) =>
      render(
        <ServicesProvider services={services}>
          <WorkspaceProvider workspace={{ config, db, ...options }}>{ui}</WorkspaceProvider>
        </ServicesProvider>,
      ),
  }
}
