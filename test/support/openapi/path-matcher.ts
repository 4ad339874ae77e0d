import { HTTP_METHODS, type HttpMethod, type SwaggerSpec } from './spec-types'

export interface PathMatch {
  template: string
  params: Record<string, string>
  methods: readonly HttpMethod[]
}

interface CompiledTemplate {
  template: string
  regex: RegExp
  names: string[]
  /** One rank per segment: 2 literal, 1 literal text around a parameter (`{id}.ics`), 0 parameter. */
  ranks: number[]
  methods: HttpMethod[]
}

/** Opsgenie answers `/v1/incidents` and `/v1/incidents/` alike; the spec spells some with a slash. */
export function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  return trimmed === '' ? '/' : trimmed
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function compileTemplate(template: string, methods: HttpMethod[]): CompiledTemplate {
  const names: string[] = []
  const ranks: number[] = []
  const parts = normalisePath(template)
    .split('/')
    .slice(1)
    .map((segment) => {
      const pieces = segment.split(/(\{[^}]+\})/).filter((piece) => piece !== '')
      const hasParam = pieces.some((piece) => piece.startsWith('{'))
      ranks.push(!hasParam ? 2 : pieces.length > 1 ? 1 : 0)
      return pieces
        .map((piece) => {
          if (!piece.startsWith('{')) return escapeRegex(piece)
          names.push(piece.slice(1, -1))
          return '([^/]+?)'
        })
        .join('')
    })
  return { template, regex: new RegExp(`^/${parts.join('/')}$`), names, ranks, methods }
}

/** Left to right, the first segment where one is more literal than the other decides. */
function compareSpecificity(a: CompiledTemplate, b: CompiledTemplate): number {
  for (let i = 0; i < Math.min(a.ranks.length, b.ranks.length); i++) {
    const diff = (b.ranks[i] ?? 0) - (a.ranks[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

/**
 * Routes like a JAX-RS server does: the most literal template wins on the path alone, and a method
 * that template lacks is an error rather than a fall-back to a less literal template.
 */
export function createPathMatcher(spec: SwaggerSpec): (path: string) => PathMatch | undefined {
  const basePath = normalisePath(spec.basePath ?? '/')
  const compiled = Object.entries(spec.paths)
    .map(([template, item]) =>
      compileTemplate(
        template,
        HTTP_METHODS.filter((method) => item[method] !== undefined),
      ),
    )
    .sort(compareSpecificity)
  return (rawPath) => {
    let path = normalisePath(rawPath)
    if (basePath !== '/') {
      if (path !== basePath && !path.startsWith(`${basePath}/`)) return undefined
      path = normalisePath(path.slice(basePath.length))
    }
    for (const candidate of compiled) {
      const found = candidate.regex.exec(path)
      if (!found) continue
      const params: Record<string, string> = {}
      candidate.names.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1] ?? '')
      })
      return { template: candidate.template, params, methods: candidate.methods }
    }
    return undefined
  }
}
