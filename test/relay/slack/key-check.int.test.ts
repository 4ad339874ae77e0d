import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startRelay, type RunningRelay } from '../../../src/relay/index'
import type { RunningSimulator } from '../../../src/simulator/index'
import {
  BROAD_KEY,
  CREATE_ONLY_KEY,
  NARROW_KEY,
  post,
  SIGNING_SECRET,
  slashCommand,
  startPagingSim,
} from './support'

let sim: RunningSimulator | undefined
let relay: RunningRelay | undefined
const dirs: string[] = []
afterEach(async () => {
  await relay?.close()
  await sim?.close()
  relay = sim = undefined
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function start(apiKey: string, host: string, allowBroadKey = false): Promise<RunningRelay> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ondeck-relay-slack-'))
  dirs.push(dataDir)
  return startRelay({
    dataDir,
    webhookSecret: 'test-secret-0123456789abcdef',
    port: 0,
    slack: { signingSecret: SIGNING_SECRET, opsgenie: { host, apiKey, allowBroadKey } },
  })
}

describe("the relay checks its Opsgenie key's access rights on start", () => {
  it('refuses a key with Delete Access (a desktop key) unless --allow-broad-opsgenie-key', async () => {
    sim = await startPagingSim()
    await expect(start(BROAD_KEY, sim.url)).rejects.toThrow(
      /Delete Access.*--allow-broad-opsgenie-key/s,
    )
    relay = await start(BROAD_KEY, sim.url, true)
    const answer = await post(relay.url, slashCommand('page platform Checkout is down'))
    expect(answer.json.text).toContain('Paged team')
  })

  it('accepts the narrow key (Read, Create and Update, Configuration)', async () => {
    sim = await startPagingSim()
    relay = await start(NARROW_KEY, sim.url)
    expect((await post(relay.url, slashCommand('oncall platform'))).json.text).toMatch(/On call/)
  })

  it('refuses a key that cannot read configuration, and a key Opsgenie rejects', async () => {
    sim = await startPagingSim()
    await expect(start(CREATE_ONLY_KEY, sim.url)).rejects.toThrow(/cannot read the account/)
    await expect(start('no-such-key', sim.url)).rejects.toThrow(/Opsgenie rejected the key/)
  })

  it('starts when Opsgenie cannot be asked, says why paging waits, and pages once Opsgenie is back', async () => {
    sim = await startPagingSim()
    sim.setFaults({ errorRate: 1 })
    relay = await start(NARROW_KEY, sim.url)
    const down = await post(relay.url, slashCommand('page platform Checkout is down'))
    expect(down.json.text).toMatch(
      /Paging is unavailable for now: could not check the Opsgenie key/,
    )
    sim.setFaults({})
    const back = await post(relay.url, slashCommand('page platform Checkout is down'))
    expect(back.json.text).toContain('Paged team')
  })

  it('refuses plain http to another computer for the Opsgenie host', async () => {
    await expect(start(NARROW_KEY, 'http://opsgenie.example')).rejects.toThrow(/--opsgenie-host/)
  })
})
