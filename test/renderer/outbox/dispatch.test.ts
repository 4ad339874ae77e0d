import { describe, expect, it } from 'vitest'
import type { IpcErrorCode } from '../../../src/shared/ipc/envelope'
import { settle } from '../../../src/renderer/src/outbox/dispatch'

/**
 * Only an answer that proves main never acted may clear `maybeSent` (`not-sent`); anything that
 * went wrong after the request left the renderer is an unknown outcome, reconciled first.
 */
const answering = (code: IpcErrorCode) => () =>
  Promise.resolve({ ok: false as const, error: { code, message: code } })

describe('settle', () => {
  it('maps a call that never left, or that main refused unread, to not-sent', async () => {
    for (const code of ['not-sent', 'forbidden-sender', 'unknown-channel'] as const) {
      expect(await settle(answering(code)), code).toEqual({ kind: 'not-sent', message: code })
    }
  })

  it('maps a lost transport and a failed handler to an unknown outcome', async () => {
    for (const code of ['transport-lost', 'failed'] as const) {
      expect(await settle(answering(code)), code).toEqual({
        kind: 'outcome',
        outcome: { status: 'unknown', message: code },
      })
    }
  })

  it('maps a thrown call to an unknown outcome and refused input to invalid', async () => {
    expect(await settle(() => Promise.reject(new Error('gone')))).toEqual({
      kind: 'outcome',
      outcome: { status: 'unknown', message: 'gone' },
    })
    expect(await settle(answering('invalid-input'))).toMatchObject({ kind: 'invalid' })
  })
})
