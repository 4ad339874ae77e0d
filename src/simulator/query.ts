import { assertNever } from '../shared/assert-never'

/**
 * A subset of Opsgenie's search syntax: `field:value`, `field<value` (also `>`, `<=`, `>=`),
 * quoted values, AND / OR / NOT, parentheses, and bare words (free text). Parsing is separate
 * from evaluation so the grammar can be unit-tested and both alerts and incidents reuse it.
 */
export type Comparison = ':' | '<' | '>' | '<=' | '>='
export type QueryNode =
  | { kind: 'and' | 'or'; left: QueryNode; right: QueryNode }
  | { kind: 'not'; operand: QueryNode }
  | { kind: 'term'; field: string; op: Comparison; value: string }
  | { kind: 'text'; value: string }

export class QuerySyntaxError extends Error {}

type Token = { t: 'word' | 'quoted' | 'op' | 'lparen' | 'rparen'; v: string; at: number }

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const c = input.charAt(i)
    if (/\s/.test(c)) {
      i += 1
      continue
    }
    if (c === '(' || c === ')') {
      tokens.push({ t: c === '(' ? 'lparen' : 'rparen', v: c, at: i })
      i += 1
      continue
    }
    if (c === '"') {
      const end = input.indexOf('"', i + 1)
      if (end < 0) throw new QuerySyntaxError(`unterminated quoted value starting at position ${i}`)
      tokens.push({ t: 'quoted', v: input.slice(i + 1, end), at: i })
      i = end + 1
      continue
    }
    const op = /^(<=|>=|<|>|:|=)/.exec(input.slice(i))
    if (op) {
      tokens.push({ t: 'op', v: op[1] === '=' ? ':' : (op[1] ?? ':'), at: i })
      i += op[0].length
      continue
    }
    const word = /^[^\s()"<>:=]+/.exec(input.slice(i))
    const w = word?.[0] ?? c
    tokens.push({ t: 'word', v: w, at: i })
    i += w.length
  }
  return tokens
}

export function parseQuery(input: string): QueryNode | undefined {
  const tokens = tokenize(input)
  if (tokens.length === 0) return undefined
  let pos = 0
  const peek = (): Token | undefined => tokens[pos]
  const isKeyword = (tok: Token | undefined, k: string): boolean =>
    tok?.t === 'word' && tok.v.toUpperCase() === k
  const parseOr = (): QueryNode => {
    let left = parseAnd()
    while (isKeyword(peek(), 'OR')) {
      pos += 1
      left = { kind: 'or', left, right: parseAnd() }
    }
    return left
  }
  const parseAnd = (): QueryNode => {
    let left = parseUnary()
    for (;;) {
      const tok = peek()
      if (!tok || tok.t === 'rparen' || isKeyword(tok, 'OR')) return left
      if (isKeyword(tok, 'AND')) pos += 1
      left = { kind: 'and', left, right: parseUnary() }
    }
  }
  const parseUnary = (): QueryNode => {
    const tok = peek()
    if (!tok) throw new QuerySyntaxError('query ends where a condition was expected')
    if (isKeyword(tok, 'NOT')) {
      pos += 1
      return { kind: 'not', operand: parseUnary() }
    }
    if (tok.t === 'lparen') {
      pos += 1
      const inner = parseOr()
      if (peek()?.t !== 'rparen')
        throw new QuerySyntaxError(`missing ')' for '(' at position ${tok.at}`)
      pos += 1
      return inner
    }
    if (tok.t === 'rparen' || tok.t === 'op')
      throw new QuerySyntaxError(`unexpected '${tok.v}' at position ${tok.at}`)
    if (isKeyword(tok, 'AND') || isKeyword(tok, 'OR'))
      throw new QuerySyntaxError(`'${tok.v}' at position ${tok.at} has no left-hand condition`)
    pos += 1
    const op = peek()
    if (tok.t === 'word' && op?.t === 'op') {
      pos += 1
      const value = peek()
      if (!value || (value.t !== 'word' && value.t !== 'quoted')) {
        throw new QuerySyntaxError(`'${tok.v}${op.v}' at position ${tok.at} has no value`)
      }
      pos += 1
      return { kind: 'term', field: tok.v, op: op.v as Comparison, value: value.v }
    }
    return { kind: 'text', value: tok.v }
  }
  const tree = parseOr()
  const rest = peek()
  if (rest) throw new QuerySyntaxError(`unexpected '${rest.v}' at position ${rest.at}`)
  return tree
}

/** What a record exposes to queries; undefined means "no such field". */
export type FieldValue = string | number | boolean | string[] | { contains: string } | undefined
export interface Queryable {
  field(name: string): FieldValue
  text(): string
}

export function evaluate(node: QueryNode, record: Queryable): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, record) && evaluate(node.right, record)
    case 'or':
      return evaluate(node.left, record) || evaluate(node.right, record)
    case 'not':
      return !evaluate(node.operand, record)
    case 'text':
      return record.text().toLowerCase().includes(node.value.toLowerCase())
    case 'term':
      return matchTerm(record.field(node.field), node.op, node.value)
    default:
      return assertNever(node, 'query node')
  }
}

function matchTerm(actual: FieldValue, op: Comparison, value: string): boolean {
  if (actual === undefined) return false
  if (typeof actual === 'object' && !Array.isArray(actual)) {
    return op === ':' && actual.contains.toLowerCase().includes(value.toLowerCase())
  }
  if (Array.isArray(actual))
    return op === ':' && actual.some((a) => a.toLowerCase() === value.toLowerCase())
  if (typeof actual === 'number') {
    const wanted = toMillis(value)
    if (wanted === undefined) return false
    if (op === '<') return actual < wanted
    if (op === '>') return actual > wanted
    if (op === '<=') return actual <= wanted
    if (op === '>=') return actual >= wanted
    return actual === wanted
  }
  if (op !== ':') return false
  if (typeof actual === 'boolean') return String(actual) === value.toLowerCase()
  return actual.toLowerCase() === value.toLowerCase()
}

/** Numbers are epoch millis (seconds when 10 digits or fewer); anything else must parse as a date. */
export function toMillis(value: string): number | undefined {
  if (/^\d+$/.test(value)) return value.length <= 10 ? Number(value) * 1000 : Number(value)
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

/** Rejects unknown fields and bad comparisons up front, so a typo is a 422 and not an empty list. */
export function checkFields(
  node: QueryNode,
  fields: Readonly<Record<string, 'text' | 'contains' | 'number' | 'bool' | 'list'>>,
): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      checkFields(node.left, fields)
      checkFields(node.right, fields)
      return
    case 'not':
      checkFields(node.operand, fields)
      return
    case 'text':
      return
    case 'term': {
      const kind = fields[node.field]
      if (!kind)
        throw new QuerySyntaxError(
          `unknown field '${node.field}'; known fields: ${Object.keys(fields).join(', ')}`,
        )
      if (node.op !== ':' && kind !== 'number')
        throw new QuerySyntaxError(`field '${node.field}' does not support '${node.op}'`)
      if (kind === 'number' && toMillis(node.value) === undefined) {
        throw new QuerySyntaxError(
          `'${node.value}' is not a date or epoch-millis value for '${node.field}'`,
        )
      }
      return
    }
    default:
      assertNever(node, 'query node')
  }
}
