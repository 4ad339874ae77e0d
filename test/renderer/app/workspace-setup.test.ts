import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { SettingsDb } from '../../../src/renderer/src/settings/settings-db'
import {
  addDemoWorkspace,
  addWorkspace,
  describeCapabilities,
  removeWorkspace,
} from '../../../src/renderer/src/app/workspace-setup'
import { CacheDb, cacheDbName } from '../../../src/renderer/src/db/cache-db'
import { createFakeApi, FULL_CAPABILITIES, ok, READ_ONLY_CAPABILITIES } from './support/fake-api'
import { freshWorkspaceId } from './support/fixtures'

const config = (id: string) => ({ id, name: 'Acme', host: 'us' as const, demo: false })

describe('workspace setup', () => {
  it('sends the secrets to main, validates with connect, and saves only the config', async () => {
    const settings = new SettingsDb(freshWorkspaceId('settings'))
    const fake = createFakeApi({
      'workspace:setSecret': () => ok({}),
      'workspace:connect': () => ok(READ_ONLY_CAPABILITIES),
    })
    const id = freshWorkspaceId()
    const result = await addWorkspace(fake.api, settings, {
      config: { ...config(id), relayUrl: 'https://relay.example.com' },
      apiKey: 'k-123',
      relayToken: 't-456',
      username: 'ada',
    })
    expect(result.ok).toBe(true)
    expect(fake.calls.map((c) => c.channel)).toEqual([
      'workspace:setSecret',
      'workspace:setSecret',
      'workspace:connect',
    ])
    expect(fake.callsTo('workspace:setSecret')).toEqual([
      { workspaceId: id, kind: 'api-key', value: 'k-123', host: 'us' },
      {
        workspaceId: id,
        kind: 'relay-token',
        value: 't-456',
        relayUrl: 'https://relay.example.com',
      },
    ])
    const saved = await settings.workspaces.get(id)
    expect(saved).toMatchObject({ config: config(id), username: 'ada' })
    expect(JSON.stringify(saved)).not.toMatch(/k-123|t-456/)
    if (result.ok)
      expect(describeCapabilities(result.capabilities)[1]).toBe(
        'Read-only: the key lacks the update permission',
      )
  })

  it('removes the secrets again and saves nothing when connect fails', async () => {
    const settings = new SettingsDb(freshWorkspaceId('settings'))
    const fake = createFakeApi({
      'workspace:setSecret': () => ok({}),
      'workspace:deleteSecrets': () => ok({}),
      'workspace:connect': () => ({
        ok: false,
        error: { code: 'failed', message: 'bad-key: 401' },
      }),
    })
    const id = freshWorkspaceId()
    const result = await addWorkspace(fake.api, settings, { config: config(id), apiKey: 'k' })
    expect(result).toEqual({ ok: false, error: 'Could not connect: bad-key: 401' })
    expect(fake.callsTo('workspace:deleteSecrets')).toEqual([{ workspaceId: id }])
    expect(await settings.workspaces.count()).toBe(0)
  })

  it('opens the demo through main and saves it', async () => {
    const settings = new SettingsDb(freshWorkspaceId('settings'))
    const demo = {
      id: 'demo',
      name: 'Demo',
      host: 'http://127.0.0.1:1234',
      relayUrl: 'http://127.0.0.1:1235',
      demo: true,
    }
    const fake = createFakeApi({
      'workspace:openDemo': () => ok(demo),
      'workspace:connect': () => ok(FULL_CAPABILITIES),
    })
    const result = await addDemoWorkspace(fake.api, settings)
    expect(result.ok && result.entry.config).toEqual(demo)
    expect(fake.callsTo('workspace:connect')).toEqual([{ workspace: demo }])
    expect((await settings.workspaces.get('demo'))?.config).toEqual(demo)
  })

  it('removing forgets secrets, entry and the local cache', async () => {
    const settings = new SettingsDb(freshWorkspaceId('settings'))
    const id = freshWorkspaceId()
    await settings.workspaces.put({ id, config: config(id), addedAt: 1 })
    const cache = await new CacheDb(id).openOrExplain()
    cache.close()
    const fake = createFakeApi({ 'workspace:deleteSecrets': () => ok({}) })
    expect(await removeWorkspace(fake.api, settings, id)).toBeUndefined()
    expect(fake.callsTo('workspace:deleteSecrets')).toEqual([{ workspaceId: id }])
    expect(await settings.workspaces.get(id)).toBeUndefined()
    const names = (await indexedDB.databases()).map((d) => d.name)
    expect(names).not.toContain(cacheDbName(id))
  })
})

describe('describeCapabilities', () => {
  it("lists a key's limits, so settings and re-enter-key say what the key cannot do", () => {
    const lines = describeCapabilities({
      ...FULL_CAPABILITIES,
      keyKind: 'team',
      limits: [
        "A team key sees only its own team's alerts and incidents.",
        'It cannot list users.',
      ],
    })
    expect(lines.slice(-2)).toEqual([
      "A team key sees only its own team's alerts and incidents.",
      'It cannot list users.',
    ])
    expect(describeCapabilities(FULL_CAPABILITIES)).toHaveLength(4)
  })
})
