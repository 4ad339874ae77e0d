import type { z } from 'zod'
import type { Http, QueryValue } from './http'
import type { Paging } from './schemas/common'

export type NextStep = { readonly path: string } | { readonly stop: 'done' | 'cap' }

/**
 * Decides where `paging.next` leads. Opsgenie sends absolute URLs; only their path and query are
 * used, against our own base URL, so the key never follows a link to another host. With a cap,
 * stops before a page whose offset + limit would pass it (alerts: 20,000).
 */
export function nextStep(next: string | undefined, baseUrl: string, cap?: number): NextStep {
  if (next === undefined || next === '') return { stop: 'done' }
  const url = new URL(next, `${baseUrl}/`)
  if (cap !== undefined) {
    const offset = Number(url.searchParams.get('offset') ?? '0')
    const limit = Number(url.searchParams.get('limit') ?? '20')
    if (!Number.isFinite(offset) || !Number.isFinite(limit) || offset + limit > cap)
      return { stop: 'cap' }
  }
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '')
  const path =
    basePath !== '' && url.pathname.startsWith(`${basePath}/`)
      ? url.pathname.slice(basePath.length)
      : url.pathname
  return { path: `${path}${url.search}` }
}

/** The offset/limit a page was asked with (Opsgenie's defaults: 0 and 20). */
export function pageWindow(
  path: string,
  query: Readonly<Record<string, QueryValue>> | undefined,
): { offset: number; limit: number } {
  const params = new URLSearchParams(path.split('?', 2)[1] ?? '')
  const read = (name: string, fallback: number): number => {
    const raw = query?.[name] ?? params.get(name) ?? undefined
    const value = Number(raw ?? fallback)
    return Number.isFinite(value) ? value : fallback
  }
  return { offset: read('offset', 0), limit: read('limit', 20) }
}

/**
 * A full page whose successor would pass the cap: Opsgenie (and the simulator) send no `next`
 * link there, so "no next" alone would hide that more alerts may exist beyond the cap.
 */
export function hitsCap(
  window: { offset: number; limit: number },
  itemCount: number,
  cap: number,
): boolean {
  return itemCount >= window.limit && window.offset + 2 * window.limit > cap
}

export interface Page<T> {
  readonly items: readonly T[]
  /** True on the last page when paging stopped at the cap: more items may exist beyond it. */
  readonly stoppedAtCap: boolean
}

export interface PagedRequest<T> {
  readonly path: string
  readonly query?: Readonly<Record<string, QueryValue>>
  readonly schema: z.ZodType<{ data: T[]; paging?: Paging | undefined }>
  readonly cap?: number
}

/** Yields page after page, following `paging.next` until it is absent (or the cap). */
export async function* followPages<T>(
  http: Http,
  request: PagedRequest<T>,
): AsyncGenerator<Page<T>> {
  let path = request.path
  let query = request.query
  const seen = new Set<string>()
  for (;;) {
    const page = await http.send({ method: 'GET', path, query, schema: request.schema })
    const step = nextStep(page.paging?.next, http.baseUrl, request.cap)
    const loops = 'path' in step && seen.has(step.path)
    const atCap =
      'stop' in step &&
      request.cap !== undefined &&
      (step.stop === 'cap' || hitsCap(pageWindow(path, query), page.data.length, request.cap))
    yield { items: page.data, stoppedAtCap: atCap }
    if ('stop' in step || loops) return
    seen.add(step.path)
    path = step.path
    query = undefined
  }
}

export interface Collected<T> {
  readonly items: T[]
  readonly pages: number
  /** Opsgenie holds more than could be paged to; narrow the query to see the rest. */
  readonly stoppedAtCap: boolean
}

export async function collectPages<T>(pages: AsyncIterable<Page<T>>): Promise<Collected<T>> {
  const items: T[] = []
  let count = 0
  let stoppedAtCap = false
  for await (const page of pages) {
    items.push(...page.items)
    count += 1
    stoppedAtCap = page.stoppedAtCap
  }
  return { items, pages: count, stoppedAtCap }
}
