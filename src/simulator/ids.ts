import { randomUUID } from 'node:crypto'

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

/** A v4-shaped uuid from an RNG; with no RNG a real random uuid. */
export function uuid(random?: () => number): string {
  if (!random) return randomUUID()
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = (8 + Math.floor(random() * 4)).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/** Current Opsgenie alert ids are `<uuid>-<epochMillis>` (API-NOTES §2.4). */
export function alertId(createdAtMs: number, random?: () => number): string {
  return `${uuid(random)}-${createdAtMs}`
}

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}
