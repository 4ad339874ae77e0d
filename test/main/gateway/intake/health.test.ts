import { describe, expect, it } from 'vitest'
import { healthOfPoll, healthOfRelay } from '../../../../src/main/gateway/intake/health'
import { relayEventsUrl, TOKEN_REFUSED } from '../../../../src/main/gateway/intake/relay-client'
import { OpsgenieError } from '../../../../src/main/gateway/provider/opsgenie'
import { readErrorOf } from '../../../../src/main/gateway/provider/opsgenie/outcome-mapping'

const waiting = (
  end: Parameters<typeof healthOfRelay>[0] & { status: 'waiting' },
): ReturnType<typeof healthOfRelay> => healthOfRelay(end)

describe('connection health', () => {
  it('maps relay client states: open is live, refusal and HTTP errors degrade, network trouble is offline', () => {
    expect(healthOfRelay({ status: 'open', since: 1 })).toEqual({
      state: 'live',
      detail: undefined,
    })
    expect(
      waiting({ status: 'waiting', retryAt: 0, end: { kind: 'refused', status: 401, detail: 'x' } })
        ?.detail,
    ).toContain(TOKEN_REFUSED)
    expect(
      waiting({ status: 'waiting', retryAt: 0, end: { kind: 'refused', status: 401, detail: 'x' } })
        ?.state,
    ).toBe('degraded')
    expect(
      waiting({
        status: 'waiting',
        retryAt: 0,
        end: { kind: 'http', status: 502, detail: 'the relay answered HTTP 502' },
      }),
    ).toEqual({ state: 'degraded', detail: 'the relay answered HTTP 502' })
    for (const kind of ['network', 'heartbeat', 'ended'] as const) {
      expect(waiting({ status: 'waiting', retryAt: 0, end: { kind, detail: kind } })).toEqual({
        state: 'offline',
        detail: kind,
      })
    }
    expect(
      waiting({ status: 'waiting', retryAt: 0, end: { kind: 'interrupted', detail: '' } }),
    ).toBeUndefined()
    expect(healthOfRelay({ status: 'connecting' })).toBeUndefined()
  })

  it('maps poll outcomes: key problems degrade, network trouble is offline, throttling keeps polling', () => {
    const fail = (failure: ConstructorParameters<typeof OpsgenieError>[0]) =>
      healthOfPoll({ ok: false, error: readErrorOf(new OpsgenieError(failure)) })
    expect(healthOfPoll({ ok: true })).toEqual({ state: 'polling', detail: undefined })
    expect(
      fail({
        kind: 'bad-key',
        status: 401,
        operation: 'GET /v2/alerts',
        message: 'the API key was refused',
      }),
    ).toEqual({ state: 'degraded', detail: 'the API key was refused' })
    expect(
      fail({ kind: 'network', operation: 'GET /v2/alerts', message: 'no connection' }).state,
    ).toBe('offline')
    expect(
      fail({ kind: 'throttled', status: 429, operation: 'GET /v2/alerts', message: 'slow down' })
        .state,
    ).toBe('polling')
    expect(healthOfPoll({ ok: false, error: new Error('boom') })).toEqual({
      state: 'degraded',
      detail: 'polling failed: boom',
    })
  })
})

describe('relay URL', () => {
  it('appends /events to the base URL, keeping a path prefix', () => {
    expect(relayEventsUrl('https://relay.example.com')).toBe('https://relay.example.com/events')
    expect(relayEventsUrl('https://example.com/ondeck/')).toBe('https://example.com/ondeck/events')
  })

  it('refuses URLs that are not http(s) or that carry credentials', () => {
    expect(() => relayEventsUrl('relay.example.com')).toThrow(/not a valid URL/)
    expect(() => relayEventsUrl('ftp://relay.example.com')).toThrow(/http or https/)
    expect(() => relayEventsUrl('https://user:pw@relay.example.com')).toThrow(/credentials/)
  })

  it('refuses plain http to another computer (the device token would travel in the clear)', () => {
    for (const url of ['http://relay.example.com', 'http://192.168.1.10:8080', 'http://[fe80::1]'])
      expect(() => relayEventsUrl(url)).toThrow(/must use https/)
  })

  it('accepts https anywhere and plain http on loopback', () => {
    expect(relayEventsUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/events')
    expect(relayEventsUrl('http://localhost:8787/r')).toBe('http://localhost:8787/r/events')
    expect(relayEventsUrl('http://[::1]:8787')).toBe('http://[::1]:8787/events')
    expect(relayEventsUrl('https://10.0.0.5')).toBe('https://10.0.0.5/events')
  })
})
