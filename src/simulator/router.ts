import type { Principal, RouteGate } from './auth'
import type { Runtime } from './runtime'

export interface Ctx {
  method: string
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  principal: Principal
  rt: Runtime
}

/** What a handler answers; the server adds `took`, `requestId` and the common headers. */
export interface Reply {
  status: number
  body: Record<string, unknown>
  headers?: Record<string, string>
}

export type Handler = (ctx: Ctx) => Reply

export interface Route {
  method: string
  pattern: string
  handler: Handler
  gate?: RouteGate
}

export interface Match {
  route: Route
  params: Record<string, string>
}

/** Patterns like `/v2/alerts/:identifier/notes`; the first matching route wins, so list literal paths first. */
export class Router {
  private readonly routes: { route: Route; parts: string[] }[] = []

  add(...routes: Route[]): this {
    for (const route of routes)
      this.routes.push({ route, parts: route.pattern.split('/').filter(Boolean) })
    return this
  }

  /** Returns the match, 'method' when the path exists under another verb, or undefined. */
  match(method: string, path: string): Match | 'method' | undefined {
    const segments = path.split('/').filter(Boolean)
    let pathKnown = false
    for (const { route, parts } of this.routes) {
      const params = matchParts(parts, segments)
      if (!params) continue
      if (route.method === method) return { route, params }
      pathKnown = true
    }
    return pathKnown ? 'method' : undefined
  }
}

function matchParts(parts: string[], segments: string[]): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? ''
    const raw = segments[i] ?? ''
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return undefined
    }
    if (part.startsWith(':')) params[part.slice(1)] = segment
    else if (part !== raw) return undefined
  }
  return params
}

export function ok(
  data: unknown,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Reply {
  return { status: 200, body: { data, ...extra }, headers }
}
