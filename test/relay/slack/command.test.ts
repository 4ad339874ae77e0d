import { webcrypto } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseCommandText } from '../../../src/relay/slack/command.js'
import { editDistance } from '../../../src/relay/slack/directory.js'
import { slackSignature, verifySlackRequest } from '../../../src/relay/slack/signature.js'

describe('slash command text', () => {
  it('reads page with a target, the message as typed and an optional priority or severity word', () => {
    expect(parseCommandText('page platform Checkout is down')).toEqual({
      kind: 'page',
      target: { name: 'platform' },
      message: 'Checkout is down',
      priority: 'P3',
    })
    expect(parseCommandText('page platform Checkout  is down p1')).toMatchObject({
      message: 'Checkout  is down',
      priority: 'P1',
    })
    expect(parseCommandText('page team:"Payments Team" Cards &amp; wallets fail High')).toEqual({
      kind: 'page',
      target: { kind: 'team', name: 'Payments Team' },
      message: 'Cards & wallets fail',
      priority: 'P2',
    })
    expect(parseCommandText('page platform P1')).toMatchObject({ message: 'P1', priority: 'P3' })
  })

  it('reads oncall and help, and explains what is missing', () => {
    expect(parseCommandText('oncall Platform_schedule')).toEqual({
      kind: 'oncall',
      target: { name: 'Platform_schedule' },
    })
    expect(parseCommandText('')).toEqual({ kind: 'help' })
    expect(parseCommandText('help')).toEqual({ kind: 'help' })
    expect(parseCommandText('page platform')).toMatchObject({ kind: 'invalid' })
    expect(parseCommandText('oncall')).toMatchObject({ kind: 'invalid' })
    expect(parseCommandText('reboot prod')).toEqual({
      kind: 'invalid',
      reason: 'unknown command "reboot"',
    })
  })

  it('measures edit distance for close matches', () => {
    expect(editDistance('platfrom', 'platform')).toBe(2)
    expect(editDistance('', 'abc')).toBe(3)
  })
})

describe('Slack request signatures', () => {
  it('match an HMAC-SHA256 computed independently with WebCrypto', async () => {
    const secret = '8f742231b10e8888abcd99yyyzzz85a5'
    const body = 'token=x&team_id=T1&text=page+platform+down'
    const key = await webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    const mac = await webcrypto.subtle.sign(
      'HMAC',
      key,
      new TextEncoder().encode(`v0:1531420618:${body}`),
    )
    expect(slackSignature(secret, '1531420618', body)).toBe(
      `v0=${Buffer.from(mac).toString('hex')}`,
    )
  })

  it('checks the timestamp window on both sides', () => {
    const body = Buffer.from('a=b')
    const at = 1_700_000_000
    const headers = (ts: number) => ({
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature('s3cret-s3cret-s3cret', String(ts), body),
    })
    const verify = (ts: number) =>
      verifySlackRequest(headers(ts), body, 's3cret-s3cret-s3cret', at * 1000)
    expect(verify(at - 300).ok).toBe(true)
    expect(verify(at + 300).ok).toBe(true)
    expect(verify(at - 301).ok).toBe(false)
    expect(verify(at + 301).ok).toBe(false)
  })
})
