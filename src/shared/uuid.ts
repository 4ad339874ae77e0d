/**
 * A version 4 uuid. Without `random` it comes from Web Crypto's `randomUUID`, which the renderer,
 * main and the relay all have as `globalThis.crypto` (Chromium, Node 19+), so shared code needs
 * no `node:crypto`. With `random` it is repeatable: the simulator's demo seed and tests that need
 * the same ids on every run. Those ids are unique, not unguessable: never use them as secrets.
 */
export function uuid(random?: () => number): string {
  if (random === undefined) return crypto.randomUUID()
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = (8 + Math.floor(random() * 4)).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
