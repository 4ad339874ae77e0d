// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import type { ReactElement } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createAlarmStore,
  useAlarm,
  type AlarmStore,
} from '../../../src/renderer/src/notifications/alarm-store'
import { createRinger } from '../../../src/renderer/src/notifications/ringer'
import { browserTimers } from '../../../src/renderer/src/notifications/timers'

function AlarmBanner({ store }: { store: AlarmStore }): ReactElement | null {
  const ringing = useAlarm(store)
  return ringing.length === 0 ? null : <div role="alert">{ringing.length} unacknowledged P1</div>
}

afterEach(cleanup)

describe('useAlarm', () => {
  it('re-renders the in-app alarm as the ringer starts and stops, and reset() clears it', () => {
    const store = createAlarmStore()
    const ringer = createRinger({
      playSound: () => undefined,
      alarm: store,
      timers: browserTimers,
      intervalMs: () => 60_000,
      now: Date.now,
    })
    render(<AlarmBanner store={store} />)
    expect(screen.queryByRole('alert')).toBeNull()
    act(() => {
      ringer.start('a')
      ringer.start('b')
    })
    expect(screen.getByRole('alert').textContent).toBe('2 unacknowledged P1')
    act(() => ringer.stop('a'))
    expect(screen.getByRole('alert').textContent).toBe('1 unacknowledged P1')
    act(() => store.reset())
    expect(screen.queryByRole('alert')).toBeNull()
    ringer.stopAll()
  })
})
