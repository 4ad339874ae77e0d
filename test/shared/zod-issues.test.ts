import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { issuesLine } from '../../src/shared/zod-issues'

describe('issuesLine', () => {
  it('names every failing path on one line', () => {
    const parsed = z
      .object({ a: z.string(), b: z.object({ c: z.number() }) })
      .safeParse({ a: 1, b: { c: 'x' } })
    if (parsed.success) throw new Error('expected a failure')
    const line = issuesLine(parsed.error)
    expect(line).toMatch(/^a: .*expected string.*; b\.c: .*expected number/)
    expect(line).not.toContain('\n')
  })

  it('says (root) when the value itself is wrong', () => {
    const parsed = z.string().safeParse(1)
    if (parsed.success) throw new Error('expected a failure')
    expect(issuesLine(parsed.error)).toMatch(/^\(root\): /)
  })
})
