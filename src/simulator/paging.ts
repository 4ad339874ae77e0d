import { ApiError } from './api-error'

/** Opsgenie refuses deep paging past offset+limit 20,000 on alerts (API-NOTES §3.4). */
export const MAX_OFFSET_PLUS_LIMIT = 20_000

export interface PageRequest {
  offset: number
  limit: number
}

export function pageRequest(
  query: Record<string, string>,
  defaultLimit = 20,
  maxLimit = 100,
): PageRequest {
  const offset = intParam(query, 'offset', 0)
  const limit = intParam(query, 'limit', defaultLimit)
  if (offset < 0) throw new ApiError(422, `offset must be 0 or greater, got ${offset}`)
  if (limit < 1 || limit > maxLimit)
    throw new ApiError(422, `limit must be between 1 and ${maxLimit}, got ${limit}`)
  return { offset, limit }
}

function intParam(query: Record<string, string>, name: string, fallback: number): number {
  const raw = query[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^-?\d+$/.test(raw)) throw new ApiError(422, `${name} must be an integer, got '${raw}'`)
  return Number(raw)
}

/**
 * `paging.first/next/prev/last` as absolute URLs on the server's own origin, mirrored in
 * `X-Paging-*` headers, keeping every other query parameter (API-NOTES §2.1, §3.4).
 */
export function pagingLinks(
  baseUrl: string,
  path: string,
  params: Record<string, string>,
  page: PageRequest,
  total: number,
  cap = Number.POSITIVE_INFINITY,
): { paging: Record<string, string>; headers: Record<string, string> } {
  const url = (offset: number): string => {
    const search = new URLSearchParams()
    for (const [k, v] of Object.entries(params))
      if (k !== 'offset' && k !== 'limit' && k !== 'apiKey') search.set(k, v)
    const head = search.get('query')
    const ordered = new URLSearchParams()
    if (head !== null) ordered.set('query', head)
    ordered.set('offset', String(offset))
    ordered.set('limit', String(page.limit))
    for (const [k, v] of search) if (k !== 'query') ordered.set(k, v)
    return `${baseUrl}${path}?${ordered.toString()}`
  }
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / page.limit) * page.limit
  const paging: Record<string, string> = {}
  const nextOffset = page.offset + page.limit
  if (nextOffset < total && nextOffset + page.limit <= cap) paging.next = url(nextOffset)
  if (page.offset > 0) paging.prev = url(Math.max(0, page.offset - page.limit))
  paging.first = url(0)
  paging.last = url(Math.min(lastOffset, Math.max(0, cap - page.limit)))
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(paging))
    headers[`X-Paging-${k.charAt(0).toUpperCase()}${k.slice(1)}`] = v
  return { paging, headers }
}
