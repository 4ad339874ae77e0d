// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { RendererLogInput } from '../../../src/shared/ipc/diagnostics'
import { forwardErrorsToMainLog } from '../../../src/renderer/src/diagnostics/main-log'
import { createFakeApi, ok } from '../app/support/fake-api'

describe('forwardErrorsToMainLog', () => {
  it('sends uncaught errors and rejections as valid log:write lines, until stopped', async () => {
    const fake = createFakeApi({ 'log:write': () => ok({}) })
    const stop = forwardErrorsToMainLog(window, fake.api)
    window.dispatchEvent(
      new ErrorEvent('error', {
        error: new TypeError('x is undefined'),
        message: 'x is undefined',
        filename: 'app://ondeck/assets/index.js',
        lineno: 3,
        colno: 7,
      }),
    )
    const rejection = new Event('unhandledrejection') as Event & { reason?: unknown }
    rejection.reason = new Error('y'.repeat(10_000))
    window.dispatchEvent(rejection)
    stop()
    window.dispatchEvent(new ErrorEvent('error', { message: 'after stop' }))
    const lines = fake.callsTo('log:write')
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(RendererLogInput.safeParse(line).success).toBe(true)
    expect(lines[0]).toEqual({
      level: 'error',
      message: 'uncaught TypeError: x is undefined (app://ondeck/assets/index.js:3:7)',
    })
  })

  it('swallows a refused line instead of raising another error', async () => {
    const fake = createFakeApi({
      'log:write': () => Promise.reject(new Error('socket closed')),
    })
    const stop = forwardErrorsToMainLog(window, fake.api)
    window.dispatchEvent(new ErrorEvent('error', { message: 'boom' }))
    await new Promise((r) => setTimeout(r, 0))
    stop()
    expect(fake.callsTo('log:write')).toHaveLength(1)
  })
})
