import { assertNever } from '../shared/assert-never'
import type { QueryNode } from './query'

export type FieldKind = 'text' | 'contains' | 'number' | 'bool' | 'list'
export type FieldTable = Readonly<Record<string, FieldKind>>

/**
 * How strictly the simulator reads search queries. Opsgenie documents its search fields
 * ("Alerts Search Query Help", docs.opsgenie.com/docs/alerts-search-query-help; "Search syntax for
 * incidents", support.atlassian.com/opsgenie/docs/search-syntax-for-incidents); by default the
 * simulator refuses every other field with a 422, so a client that leans on an undocumented field
 * finds out here and not in production. Tests opt into the rest.
 */
export interface SearchOptions {
  /**
   * Undocumented fields to accept anyway, e.g. `['updatedAt']`, which a public connector uses
   * against real Opsgenie and which appears to work there.
   */
  readonly undocumentedFields?: readonly string[]
  /**
   * Fields accepted but not applied: a term on one matches every record, as a search that
   * silently drops a filter would. For testing a client's detection of that.
   */
  readonly ignoredFields?: readonly string[]
}

/** The fields a query may use under `options`: the documented ones plus those opted into. */
export function acceptedFields(
  documented: FieldTable,
  undocumented: FieldTable,
  options: SearchOptions,
): FieldTable {
  const extra: Record<string, FieldKind> = {}
  for (const name of [...(options.undocumentedFields ?? []), ...(options.ignoredFields ?? [])]) {
    const kind = documented[name] ?? undocumented[name]
    if (kind === undefined) throw new Error(`the simulator has no search field '${name}'`)
    extra[name] = kind
  }
  return { ...documented, ...extra }
}

/** Replaces terms on ignored fields with a condition every record meets (empty free text). */
export function withoutIgnored(node: QueryNode, ignored: readonly string[]): QueryNode {
  if (ignored.length === 0) return node
  switch (node.kind) {
    case 'and':
    case 'or':
      return {
        ...node,
        left: withoutIgnored(node.left, ignored),
        right: withoutIgnored(node.right, ignored),
      }
    case 'not':
      return { ...node, operand: withoutIgnored(node.operand, ignored) }
    case 'text':
      return node
    case 'term':
      return ignored.includes(node.field) ? { kind: 'text', value: '' } : node
    default:
      return assertNever(node, 'query node')
  }
}
