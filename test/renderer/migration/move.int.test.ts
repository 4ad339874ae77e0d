import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Alert } from '../../../src/shared/domain'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { readTimeline } from '../../../src/renderer/src/db/alert-reads'
import { toAlertRow } from '../../../src/renderer/src/db/derive'
import {
  CoordinationDb,
  coordinationDbName,
} from '../../../src/renderer/src/incidents/coordination/coordination-db'
import { moveWorkspaceToJsm, probeIdFor } from '../../../src/renderer/src/migration/move-workspace'
import { describeState } from '../../../src/renderer/src/outbox/describe'
import { createOutboxEngine, type OutboxEngine } from '../../../src/renderer/src/outbox/engine'
import { SettingsDb, type WorkspaceEntry } from '../../../src/renderer/src/settings/settings-db'
import { startSimulator, type RunningSimulator } from '../../../src/simulator/index'
import { startJsmSimulator, type RunningJsmSimulator } from '../../../src/simulator/jsm/index'
import { API_KEY, connectRig, freshDb, until, type Rig } from '../outbox/support'

const EMAIL = 'alice@example.com'
const TOKEN = 'jsm-move-token'
const FAST = { backoffBaseMs: 20, backoffCapMs: 200, followIntervalMs: 5, reconcileAfterMs: 50 }
const ROOMY = { perSecond: 100, perMinute: 6000 }

/**
 * The whole move against the real gateway (memory keychain), the Opsgenie simulator the workspace
 * starts on and the JSM simulator it moves to, both with the demo seed. The JSM side is given
 * new ids, one renamed alias, one missing alert and one renamed escalation, as a migration may.
 */
describe('moving an Opsgenie workspace to its JSM site', () => {
  let opsgenie: RunningSimulator | undefined
  let jsm: RunningJsmSimulator | undefined
  let rig: Rig | undefined
  let engine: OutboxEngine | undefined
  afterEach(async () => {
    engine?.stop()
    await rig?.close()
    await jsm?.close()
  })

  function defined<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`no ${what}`)
    return value
  }

  async function listAll(api: Rig['api'], workspaceId: string): Promise<Alert[]> {
    const out: Alert[] = []
    for (const query of ['status:open', 'status:closed']) {
      const page = await api.alerts.list({ workspaceId, query })
      if (!page.ok) throw new Error(page.error.message)
      out.push(...page.value.items)
    }
    return out
  }

  it('keeps the id and the local data, matches what it can, lists the rest, and holds the outbox for the responder', async () => {
    opsgenie = await startSimulator({ keys: [{ key: API_KEY, kind: 'global' }], seed: 'demo' })
    jsm = await startJsmSimulator({
      accounts: [{ email: EMAIL, apiToken: TOKEN }],
      cloudId: 'cloud-move-1',
      seed: 'demo',
      processingDelayMs: 2,
    })
    rig = await connectRig(opsgenie, { alert: ROOMY, incident: ROOMY })
    const { workspaceId, api } = rig

    // the local data an Opsgenie workspace has: its cache, a local incident's link, a workflow
    const cache = await new CacheDb(workspaceId).openOrExplain()
    const coordination = await new CoordinationDb(coordinationDbName(workspaceId)).openOrExplain()
    const settings = await new SettingsDb(`settings-${randomUUID()}`).openOrExplain()
    const outbox = await freshDb()
    const before = await listAll(api, workspaceId)
    expect(before.length).toBeGreaterThan(4)
    await cache.alerts.bulkPut(before.map((a) => toAlertRow(a)))
    const teams = await api.directory.teams({ workspaceId })
    const escalations = await api.directory.escalations({ workspaceId })
    if (!teams.ok || !escalations.ok) throw new Error('directory')
    await cache.teams.bulkPut(teams.value)
    await cache.escalations.bulkPut(escalations.value)
    const [renamed, missing, acked, linked] = before as [Alert, Alert, Alert, Alert]
    await cache.activity.put({
      id: `${linked.id}|AddNote|1`,
      subject: { kind: 'alert', id: linked.id },
      subjectKind: 'alert',
      subjectId: linked.id,
      kind: 'note',
      action: 'AddNote',
      at: '1764000000000000000',
      text: 'checked the disk',
    })
    await coordination.linkedAlerts.put({
      key: `id:${linked.id}`,
      incidentId: 'local-1',
      alertId: linked.id,
      responders: [],
      status: 'open',
      acknowledged: false,
      causedBy: [],
      linkedAt: 1,
    })
    const team = defined(teams.value[0], 'team')
    const escalation = defined(escalations.value[0], 'escalation')
    await coordination.workflows.put({
      id: 'wf-1',
      name: 'Page the owners',
      enabled: true,
      trigger: 'incident-declared',
      match: 'all',
      conditions: [],
      actions: [
        { type: 'page', target: 'team', ref: { id: team.id } },
        { type: 'page', target: 'escalation', ref: { id: escalation.id } },
      ],
      workspaceId,
    })
    const entry: WorkspaceEntry = {
      id: workspaceId,
      config: { id: workspaceId, name: 'Test', host: opsgenie.url, demo: false },
      addedAt: 1,
    }
    await settings.workspaces.put(entry)

    // commands queued for Opsgenie before the move (the engine is not replaying yet)
    const currentProvider = async () =>
      (await settings.workspaces.get(workspaceId))?.config.provider ?? 'opsgenie'
    const queue = createOutboxEngine({ db: outbox, port: api, workspaceId, currentProvider })
    const ack = await queue.enqueue({ kind: 'alerts:acknowledge', input: { alertId: acked.id } })
    const other = await queue.enqueue({
      kind: 'alerts:addNote',
      input: { alertId: linked.id, note: 'not for JSM' },
    })
    queue.stop()
    expect(ack.provider).toBe('opsgenie')

    // the JSM side as a migration may leave it: new ids, one alias changed, one alert missing
    const records = [...jsm.state.alerts.values()]
    jsm.state.alerts.clear()
    const jsmIds = new Map<string, string>()
    for (const r of records) {
      if (r.alias === missing.alias) continue
      const alias = r.alias === renamed.alias ? 'changed-by-the-migration' : r.alias
      jsm.state.alerts.set(`jsm-${r.id}`, { ...r, id: `jsm-${r.id}`, alias })
      jsmIds.set(r.alias, `jsm-${r.id}`)
    }
    const jsmIdOf = (a: Alert): string => jsmIds.get(a.alias) ?? 'none'
    const jsmTeam = defined(
      jsm.state.teams.find((t) => t.name === team.name),
      'JSM team',
    )
    jsmTeam.id = 'ari-team-1'
    defined(
      jsm.state.escalations.find((e) => e.name === escalation.name),
      'JSM escalation',
    ).name = 'Renamed escalation'

    const moved = await moveWorkspaceToJsm({ api, settings, cache, coordination, outbox }, entry, {
      siteUrl: jsm.url,
      email: EMAIL,
      apiToken: TOKEN,
      apiUrl: jsm.url,
    })
    if (!moved.ok) throw new Error(moved.error)

    // same workspace id, now JSM; the token only in main's keychain; the probe forgotten
    expect(moved.entry).toMatchObject({
      id: workspaceId,
      config: { provider: 'jsm', host: jsm.url },
    })
    expect(rig.gateway.workspaces.get(workspaceId).config.provider).toBe('jsm')
    const health = await api.intake.health({ workspaceId })
    expect(health.ok && health.value.state).not.toBe('offline')
    expect(JSON.stringify(await settings.workspaces.toArray())).not.toContain(TOKEN)
    const probe = await api.workspace.secretStatus({ workspaceId: probeIdFor(workspaceId) })
    expect(probe.ok && probe.value.apiKey).toBe(false)

    // alerts: by alias, the renamed one by message and time, the missing one listed and kept
    const { report } = moved
    expect(report.alerts).toMatchObject({
      matchedByAlias: before.length - 2,
      matchedByMessage: 1,
      unmatched: [{ from: missing.id, message: missing.message }],
    })
    expect(await cache.alerts.get(missing.id)).toBeDefined()
    expect(await cache.alerts.get(linked.id)).toBeUndefined()
    const timeline = await readTimeline(cache, 'alert', jsmIdOf(linked))
    expect(timeline.map((e) => e.text)).toContain('checked the disk')
    expect(await coordination.linkedAlerts.toArray()).toMatchObject([
      { key: `id:${jsmIdOf(linked)}`, alertId: jsmIdOf(linked), incidentId: 'local-1' },
    ])
    expect(report.incidents).toEqual({ relinked: 1, lost: [] })

    // workflows: the team found by name, the renamed escalation listed
    expect((await coordination.workflows.get('wf-1'))?.actions[0]).toEqual({
      type: 'page',
      target: 'team',
      ref: { id: 'ari-team-1', name: team.name },
    })
    expect(report.workflows.unmatched).toEqual([
      expect.objectContaining({ kind: 'escalation', target: escalation.name }),
    ])
    expect(report).toMatchObject({ outboxHeld: 2, outboxRepointed: 2 })

    // the outbox: nothing goes to JSM until the responder confirms; then it goes to the JSM alert
    engine = createOutboxEngine({
      db: outbox,
      port: api,
      workspaceId,
      currentProvider,
      settings: FAST,
    })
    await engine.start()
    const row = (id: string) => outbox.commands.where('id').equals(id).first()
    await until('the acknowledge held', async () => (await row(ack.id))?.state === 'waiting')
    await until('the note held', async () => (await row(other.id))?.state === 'waiting')
    const held = defined(await row(ack.id), 'held command')
    expect(held).toMatchObject({ maybeSent: false, wait: { reason: 'confirm', moved: true } })
    expect(describeState(held, Date.now())).toBe(
      'Waiting for you: queued for Opsgenie before the move to Jira Service Management: send to JSM?',
    )
    // (connecting probes write access with an acknowledge of an alert that does not exist)
    const sent = [...jsm.state.requests.values()].filter(
      (r) => r.processed?.status !== 'Alert does not exist',
    )
    expect(sent).toEqual([])
    expect(jsm.state.alerts.get(jsmIdOf(acked))?.acknowledged).toBe(false)
    await engine.cancel(other.id)
    await engine.confirm(ack.id)
    await until('the acknowledge confirmed', async () => (await row(ack.id))?.state === 'confirmed')
    expect(jsm.state.alerts.get(jsmIdOf(acked))?.acknowledged).toBe(true)
    expect(await row(ack.id)).toMatchObject({
      provider: 'jsm',
      input: { alertId: jsmIdOf(acked) },
    })
    expect((await row(other.id))?.state).toBe('cancelled')
    expect(jsm.state.alerts.get(jsmIdOf(linked))?.notes).toEqual([])
    // what is queued after the move is JSM's own and goes without asking
    const after = await engine.enqueue({
      kind: 'alerts:acknowledge',
      input: { alertId: jsmIdOf(linked) },
    })
    expect(after.provider).toBe('jsm')
    await until(
      'the new command confirmed',
      async () => (await row(after.id))?.state === 'confirmed',
    )
    cache.close()
    coordination.close()
    settings.close()
  })
})
