import { describe, expect, it } from 'vitest'
import { uuid } from '../../src/shared/uuid'
import { seededRandom } from '../../src/simulator/ids'

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('uuid', () => {
  it('is a random version 4 uuid from Web Crypto without an RNG', () => {
    const ids = Array.from({ length: 100 }, () => uuid())
    for (const id of ids) expect(id).toMatch(V4)
    expect(new Set(ids).size).toBe(100)
  })

  it('is repeatable from a seeded RNG, and still version 4', () => {
    const a = seededRandom(7)
    const b = seededRandom(7)
    const first = Array.from({ length: 50 }, () => uuid(a))
    expect(Array.from({ length: 50 }, () => uuid(b))).toEqual(first)
    for (const id of first) expect(id).toMatch(V4)
    expect(new Set(first).size).toBe(50)
  })
})
