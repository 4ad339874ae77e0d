import { describe, expect, it } from 'vitest'
import {
  checkFields,
  evaluate,
  parseQuery,
  QuerySyntaxError,
  type Queryable,
} from '../../src/simulator/query'

const record = (
  fields: Record<string, string | number | boolean | string[] | { contains: string }>,
): Queryable => ({
  field: (name) => fields[name],
  text: () => 'free text about the database',
})

const alert = record({
  status: 'open',
  priority: 'P1',
  tag: ['db', 'prod'],
  message: { contains: 'DB primary unreachable' },
  acknowledged: false,
  createdAt: 1_700_000_000_000,
})
const matches = (q: string): boolean => {
  const node = parseQuery(q)
  if (!node) throw new Error('empty query')
  return evaluate(node, alert)
}

describe('query parser', () => {
  it('treats an empty query as no filter', () => {
    expect(parseQuery('   ')).toBeUndefined()
  })

  it('parses field:value terms joined by AND, OR and NOT with OR binding loosest', () => {
    expect(parseQuery('status:open AND priority:P1 OR tag:x')).toEqual({
      kind: 'or',
      left: {
        kind: 'and',
        left: { kind: 'term', field: 'status', op: ':', value: 'open' },
        right: { kind: 'term', field: 'priority', op: ':', value: 'P1' },
      },
      right: { kind: 'term', field: 'tag', op: ':', value: 'x' },
    })
    expect(parseQuery('NOT status:closed')).toEqual({
      kind: 'not',
      operand: { kind: 'term', field: 'status', op: ':', value: 'closed' },
    })
  })

  it('parses comparisons, quoted values and parentheses', () => {
    expect(parseQuery('createdAt >= 1700000000000')).toEqual({
      kind: 'term',
      field: 'createdAt',
      op: '>=',
      value: '1700000000000',
    })
    expect(parseQuery('message:"primary unreachable"')).toEqual({
      kind: 'term',
      field: 'message',
      op: ':',
      value: 'primary unreachable',
    })
    expect(parseQuery('(tag:a OR tag:b) AND status:open')?.kind).toBe('and')
  })

  it.each([
    ['status:', 'has no value'],
    ['(status:open', "missing ')'"],
    ['status:open)', "unexpected ')'"],
    ['AND status:open', 'no left-hand condition'],
    ['message:"open', 'unterminated quoted value'],
  ])('rejects %s naming the problem', (q, problem) => {
    expect(() => parseQuery(q)).toThrow(QuerySyntaxError)
    expect(() => parseQuery(q)).toThrow(problem)
  })

  it('rejects unknown fields and comparisons on text fields', () => {
    const fields = { status: 'text', createdAt: 'number' } as const
    expect(() =>
      checkFields(parseQuery('colour:red') ?? { kind: 'text', value: '' }, fields),
    ).toThrow("unknown field 'colour'")
    expect(() =>
      checkFields(parseQuery('status>open') ?? { kind: 'text', value: '' }, fields),
    ).toThrow("does not support '>'")
    expect(() =>
      checkFields(parseQuery('createdAt>yesterday') ?? { kind: 'text', value: '' }, fields),
    ).toThrow('not a date')
  })
})

describe('query evaluation', () => {
  it.each([
    ['status:open', true],
    ['status:OPEN', true],
    ['status:closed', false],
    ['tag:db', true],
    ['tag:staging', false],
    ['priority:P1 AND acknowledged:false', true],
    ['priority:P2 OR tag:prod', true],
    ['NOT tag:db', false],
    ['message:primary', true],
    ['message:replica', false],
    ['createdAt>1600000000000', true],
    ['createdAt<1600000000000', false],
    ['createdAt<="2023-11-14T22:13:20.000Z"', true],
    ['createdAt>="2023-11-14T22:13:20.001Z"', false],
    ['database', true],
    ['(tag:x OR tag:prod) AND status:open', true],
  ])('%s -> %s', (q, expected) => {
    expect(matches(q)).toBe(expected)
  })
})
