import { describe, expect, it } from 'vitest'
import { UpstreamEvent } from '../../../../../src/shared/domain'
import { decodeRelayFrame } from '../../../../../src/main/gateway/provider/opsgenie/events'
import { readZulipFixture, zulipFixtureFiles } from '../../../../fixtures/opsgenie/paths'
import { relayFrame } from '../../../../support/upstream-events'

const AT = Date.parse('2026-11-27T00:00:00Z')
const decode = (webhook: string, dedupKey?: string): UpstreamEvent =>
  decodeRelayFrame(relayFrame(webhook, AT, 1, dedupKey), AT)

describe('decoding relayed Opsgenie webhooks into domain events', () => {
  it('reads every real fixture into a valid alert event, nanosecond times exact', () => {
    for (const file of zulipFixtureFiles()) {
      const event = decode(readZulipFixture(file))
      expect(UpstreamEvent.parse(event), file).toMatchObject({ kind: 'alert-event' })
    }
    expect(decode(readZulipFixture('close'))).toMatchObject({
      activity: 'closed',
      action: 'Close',
      versionNs: '1420452374669001603',
      effect: { kind: 'closed' },
      key: expect.stringMatching(/\|Close\|1420452374669001603$/),
    })
  })

  it("carries the relay's dedup key through, and computes the same rule without one", () => {
    const body = '{"action":"Acknowledge","alert":{"alertId":"a","updatedAt":1593475564636000001}}'
    expect(decode(body, 'relay-key')).toMatchObject({ key: 'relay-key' })
    expect(decode(body)).toMatchObject({ key: 'a|Acknowledge|1593475564636000001' })
    const stampless = decode('{"action":"UpdateMessage","alert":{"alertId":"a","message":"m"}}')
    expect(stampless).toMatchObject({ key: expect.stringMatching(/^a\|UpdateMessage\|fnv64:/) })
  })

  it('clamps a far-future updatedAt to the relay receivedAt and says what was claimed', () => {
    const body = '{"action":"Close","alert":{"alertId":"a","updatedAt":9000000000000000000}}'
    expect(decode(body)).toMatchObject({
      versionNs: `${BigInt(AT) * 1_000_000n}`,
      clampedFromNs: '9000000000000000000',
    })
  })

  it('turns unreadable input into problem events and a relay reset into a gap', () => {
    expect(decodeRelayFrame('nope', AT)).toMatchObject({ kind: 'problem', raw: 'nope' })
    expect(decode('{"action":"Create","alert":{')).toMatchObject({
      kind: 'problem',
      reason: expect.stringContaining('webhook payload is not JSON'),
    })
    expect(decode('{"action":"Teleport","alert":{"alertId":"a"}}')).toMatchObject({
      kind: 'problem',
      reason: expect.stringContaining('unknown action "Teleport"'),
    })
    expect(decodeRelayFrame('{"reason":"unknown_cursor","lastEventId":4}', AT)).toEqual({
      kind: 'gap',
      reason: 'relay reset: unknown_cursor',
    })
  })
})
