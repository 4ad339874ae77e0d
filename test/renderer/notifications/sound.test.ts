import { describe, expect, it } from 'vitest'
import { createBeep, type BeepAudio } from '../../../src/renderer/src/notifications/sound'

/** Records the oscillator calls a real AudioContext would receive (Node has no Web Audio). */
function recordingAudio(state: string) {
  const log: string[] = []
  const param = { value: 0, setValueAtTime: () => param, exponentialRampToValueAtTime: () => param }
  const node = (name: string) => ({
    type: '',
    frequency: param,
    gain: param,
    connect: () => log.push(`${name}.connect`),
    start: (at: number) => log.push(`${name}.start@${at.toFixed(2)}`),
    stop: () => log.push(`${name}.stop`),
  })
  const audio = {
    currentTime: 1,
    state,
    destination: {} as AudioNode,
    resume: () => {
      log.push('resume')
      return Promise.resolve()
    },
    createOscillator: () => node('osc') as unknown as OscillatorNode,
    createGain: () => node('gain') as unknown as GainNode,
  } satisfies BeepAudio
  return { audio, log }
}

describe('createBeep', () => {
  it('plays two oscillator tones on one lazily created context, resuming a suspended one', () => {
    const { audio, log } = recordingAudio('suspended')
    let made = 0
    const beep = createBeep(() => {
      made++
      return audio
    })
    expect(made).toBe(0)
    beep()
    beep()
    expect(made).toBe(1)
    expect(log.filter((line) => line.startsWith('osc.start'))).toEqual([
      'osc.start@1.00',
      'osc.start@1.35',
      'osc.start@1.00',
      'osc.start@1.35',
    ])
    expect(log).toContain('resume')
  })

  it('never throws when audio is unavailable', () => {
    const beep = createBeep(() => {
      throw new Error('no audio device')
    })
    expect(() => beep()).not.toThrow()
  })
})

describe('sound blocked in a browser', () => {
  it('reports a context the page may not start yet, and enable() (inside a click) clears it', async () => {
    const { audio } = recordingAudio('suspended')
    const blocked: boolean[] = []
    const beep = createBeep(
      () => audio,
      (next) => blocked.push(next),
    )
    beep()
    beep()
    expect(blocked).toEqual([true])
    Object.assign(audio, { state: 'running' })
    await beep.enable()
    expect(blocked).toEqual([true, false])
  })
})
