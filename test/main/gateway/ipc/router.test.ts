import { describe, expect, it, vi } from 'vitest'
import { createIpcRouter, type SomeIpcHandlers } from '../../../../src/main/gateway/ipc/router'
import { requests } from '../../../../src/shared/ipc/contract'
import { CHANNEL_NAME } from '../../../../src/shared/ipc/define'

const app = { url: 'app://ondeck/index.html' }
const foreign = { url: 'https://evil.example/' }

function routerWith(handlers: SomeIpcHandlers, scrub?: (t: string) => string) {
  return createIpcRouter(handlers, {
    isTrustedSender: (s) => s.url.startsWith('app://ondeck/'),
    ...(scrub ? { scrub } : {}),
  })
}

describe('IPC router', () => {
  it('names every channel domain:verb', () => {
    for (const name of Object.keys(requests)) expect(name).toMatch(CHANNEL_NAME)
  })

  it('refuses a foreign sender before parsing or calling the handler', async () => {
    const handler = vi.fn(async () => ({ status: 'confirmed' as const }))
    const router = routerWith({ 'alerts:acknowledge': handler })
    const answer = await router.dispatch(
      'alerts:acknowledge',
      { workspaceId: 'w', alertId: 'a' },
      foreign,
    )
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: 'IPC from https://evil.example/ is not allowed' },
    })
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses invalid input with the offending fields and never calls the handler', async () => {
    const handler = vi.fn(async () => ({ status: 'confirmed' as const }))
    const router = routerWith({ 'alerts:acknowledge': handler })
    const answer = await router.dispatch(
      'alerts:acknowledge',
      { workspaceId: 'NOT VALID', alertId: '' },
      app,
    )
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(answer.error.code).toBe('invalid-input')
    expect(answer.error.issues?.map((i) => i.path).sort()).toEqual(['alertId', 'workspaceId'])
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses unknown and unimplemented channels', async () => {
    const router = routerWith({})
    for (const channel of ['alerts:acknowledge', 'shell:exec', '__proto__']) {
      const answer = await router.dispatch(channel, {}, app)
      expect(answer).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
  })

  it('passes parsed input (defaults applied) and wraps the answer', async () => {
    const handler = vi.fn(async () => ({ status: 'accepted' as const, requestId: 'r-1' }))
    const router = routerWith({ 'alerts:acknowledge': handler })
    const answer = await router.dispatch(
      'alerts:acknowledge',
      { workspaceId: 'w1', alertId: 'a1', extra: 1 },
      app,
    )
    expect(answer).toEqual({ ok: true, value: { status: 'accepted', requestId: 'r-1' } })
    expect(handler).toHaveBeenCalledWith({ workspaceId: 'w1', alertId: 'a1', by: 'id' }, app)
  })

  it('refuses an answer outside the contract rather than passing it on', async () => {
    const router = routerWith({
      'alerts:acknowledge': async () => ({ status: 'teleported' }) as never,
    })
    const answer = await router.dispatch(
      'alerts:acknowledge',
      { workspaceId: 'w', alertId: 'a' },
      app,
    )
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed' } })
  })

  it('turns a thrown error into an envelope with secrets scrubbed', async () => {
    const router = routerWith(
      {
        'alerts:close': async () => {
          throw new Error('request with GenieKey abc-123 failed')
        },
      },
      (t) => t.replaceAll('abc-123', '[redacted]'),
    )
    const answer = await router.dispatch('alerts:close', { workspaceId: 'w', alertId: 'a' }, app)
    expect(answer).toEqual({
      ok: false,
      error: { code: 'failed', message: 'request with GenieKey [redacted] failed' },
    })
  })
})
