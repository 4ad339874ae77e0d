import { uuid } from '../shared/uuid'

/** A deterministic RNG (mulberry32) so the demo seed is the same on every start. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Current Opsgenie alert ids are `<uuid>-<epochMillis>` (API-NOTES §2.4). */
export function alertId(createdAtMs: number, random?: () => number): string {
  return `${uuid(random)}-${createdAtMs}`
}

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}
