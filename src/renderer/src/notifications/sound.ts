/** The slice of Web Audio the beep uses, so tests can hand in a recording fake. */
export interface BeepAudio {
  readonly currentTime: number
  readonly state: string
  readonly destination: AudioNode
  resume(): Promise<void>
  createOscillator(): OscillatorNode
  createGain(): GainNode
}

/** Plays the ringing sound; `enable()` is for a click's handler (a user gesture lets it play). */
export type Beep = (() => void) & { enable(): Promise<void> }

/**
 * The ringing sound: two short tones from an oscillator, so no audio file ships and nothing is
 * fetched. The context is created on first use because browsers refuse one made before any
 * user gesture; a suspended one is resumed (Electron allows it, a browser may after a click).
 */
export function createBeep(
  makeAudio: () => BeepAudio = () => new AudioContext(),
  onBlocked: (blocked: boolean) => void = () => undefined,
): Beep {
  let audio: BeepAudio | undefined
  let blocked = false
  const report = (next: boolean): void => {
    if (next !== blocked) onBlocked(next)
    blocked = next
  }
  const tone = (ctx: BeepAudio, frequency: number, startsAt: number): void => {
    const oscillator = ctx.createOscillator()
    const gain = ctx.createGain()
    oscillator.type = 'square'
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0.0001, startsAt)
    gain.gain.exponentialRampToValueAtTime(0.2, startsAt + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, startsAt + 0.25)
    oscillator.connect(gain)
    gain.connect(ctx.destination)
    oscillator.start(startsAt)
    oscillator.stop(startsAt + 0.3)
  }
  const play = (): void => {
    try {
      audio ??= makeAudio()
      if (audio.state === 'suspended') void audio.resume().catch(() => undefined)
      // A page the responder has not clicked yet may not make a sound: say so, so they can click.
      report(audio.state === 'suspended')
      const at = audio.currentTime
      tone(audio, 880, at)
      tone(audio, 660, at + 0.35)
    } catch {
      // no audio device or Web Audio refused: the in-app alarm and the notification still show
    }
  }
  return Object.assign(play, {
    async enable(): Promise<void> {
      try {
        audio ??= makeAudio()
        await audio.resume()
        report(audio.state === 'suspended')
      } catch {
        // still refused: the banner keeps offering the click
      }
    },
  })
}
