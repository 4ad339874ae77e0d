/** Injected failures, decided per request with the simulator's RNG so tests can script them. */
export interface FaultOptions {
  latencyMs?: number
  /** 0..1: answer 500 or 503 without applying the request. */
  errorRate?: number
  /** 0..1: destroy the socket before responding; the request is NOT applied. */
  resetRate?: number
  /** 0..1: apply the request, then destroy the socket instead of answering. */
  dropResponseRate?: number
}

export type FaultDecision =
  { kind: 'none' } | { kind: 'reset' } | { kind: 'error'; status: 500 | 503 } | { kind: 'drop' }

export function checkFaults(f: FaultOptions): FaultOptions {
  for (const name of ['errorRate', 'resetRate', 'dropResponseRate'] as const) {
    const rate = f[name]
    if (rate !== undefined && !(rate >= 0 && rate <= 1))
      throw new Error(`faults.${name} must be between 0 and 1, got ${rate}`)
  }
  if (f.latencyMs !== undefined && !(f.latencyMs >= 0))
    throw new Error(`faults.latencyMs must be >= 0, got ${f.latencyMs}`)
  return { ...f }
}

/** Draws only for the faults that are switched on, so a scripted RNG sees a predictable sequence. */
export function decideFault(f: FaultOptions, random: () => number): FaultDecision {
  if (f.resetRate && random() < f.resetRate) return { kind: 'reset' }
  if (f.errorRate && random() < f.errorRate)
    return { kind: 'error', status: random() < 0.5 ? 500 : 503 }
  if (f.dropResponseRate && random() < f.dropResponseRate) return { kind: 'drop' }
  return { kind: 'none' }
}
