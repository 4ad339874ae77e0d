import type { GovernorTuning } from './types'

/** Why these numbers: see README.md ("Defaults"). */
export const DEFAULT_TUNING: GovernorTuning = {
  decreaseFactor: 0.5,
  minRateFactor: 0.1,
  recoveryStep: 0.1,
  recoveryIntervalMs: 10_000,
  jitterRatio: 0.1,
  minJitterMs: 100,
  reserve: { user: 0, replay: 0, sync: 0.1, import: 0.25 },
}

export const DEFAULT_SAFETY_MARGIN = 0.9

/** Merges and checks tuning, naming the knob that is out of range. */
export function resolveTuning(partial: Partial<GovernorTuning> = {}): GovernorTuning {
  const tuning = { ...DEFAULT_TUNING, ...partial }
  const check = (name: string, value: number, ok: boolean, range: string): void => {
    if (!Number.isFinite(value) || !ok) {
      throw new RangeError(`governor tuning: ${name} must be ${range} (got ${value})`)
    }
  }
  const { decreaseFactor, minRateFactor, recoveryStep, recoveryIntervalMs } = tuning
  check('decreaseFactor', decreaseFactor, decreaseFactor > 0 && decreaseFactor < 1, 'in (0, 1)')
  check('minRateFactor', minRateFactor, minRateFactor > 0 && minRateFactor <= 1, 'in (0, 1]')
  check('recoveryStep', recoveryStep, recoveryStep > 0 && recoveryStep <= 1, 'in (0, 1]')
  check('recoveryIntervalMs', recoveryIntervalMs, recoveryIntervalMs > 0, 'positive')
  check('jitterRatio', tuning.jitterRatio, tuning.jitterRatio >= 0, 'non-negative')
  check('minJitterMs', tuning.minJitterMs, tuning.minJitterMs >= 0, 'non-negative')
  const { user, replay, sync, import: bulk } = tuning.reserve
  for (const [name, value] of Object.entries(tuning.reserve)) {
    check(`reserve.${name}`, value, value >= 0 && value < 1, 'in [0, 1)')
  }
  // a lower priority leaving less room than a higher one could slip past it
  if (!(user <= replay && replay <= sync && sync <= bulk)) {
    throw new RangeError(
      'governor tuning: reserve must not decrease from user to replay to sync to import',
    )
  }
  return tuning
}

export function checkSafetyMargin(margin: number): number {
  if (!Number.isFinite(margin) || margin <= 0 || margin > 1) {
    throw new RangeError(`governor: safetyMargin must be in (0, 1] (got ${margin})`)
  }
  return margin
}
