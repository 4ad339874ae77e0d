import { z } from 'zod'
import { Priority } from '../../../shared/domain'
import {
  ALERT_SORTS,
  DEFAULT_ALERT_FILTERS,
  type AlertFilters,
  type AlertViewQuery,
} from './alert-view-store'

/**
 * The alert list's filters as text: the stored preference (zod, so a value written by an older
 * version falls back instead of breaking the list) and the deep link in the URL fragment
 * (`#alerts?status=open&p=P1,P2&q=disk`), so a responder can bookmark or paste "my P1-P2 queue".
 */
export const AlertFiltersSchema = z.object({
  status: z.enum(['open', 'closed', 'all']),
  priorities: z.array(Priority),
  team: z.string().optional(),
  service: z.string().optional(),
  mine: z.boolean(),
  acknowledged: z.enum(['any', 'yes', 'no']),
})

export const AlertViewQuerySchema = z.object({
  filters: AlertFiltersSchema,
  search: z.string(),
  sort: z.enum(ALERT_SORTS),
})

export const DEFAULT_QUERY: AlertViewQuery = {
  filters: DEFAULT_ALERT_FILTERS,
  search: '',
  sort: 'needs-action',
}

const PREFIX = '#alerts'

/** The fragment for a query; only what differs from the default is written. */
export function toFragment(query: AlertViewQuery): string {
  const f = query.filters
  const params = new URLSearchParams()
  if (f.status !== 'open') params.set('status', f.status)
  if (f.priorities.length > 0) params.set('p', f.priorities.join(','))
  if (f.acknowledged !== 'any') params.set('ack', f.acknowledged)
  if (f.mine) params.set('mine', '1')
  if (f.team !== undefined) params.set('team', f.team)
  if (f.service !== undefined) params.set('service', f.service)
  if (query.search !== '') params.set('q', query.search)
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort)
  const text = params.toString()
  return text === '' ? PREFIX : `${PREFIX}?${text}`
}

/** The query a fragment asks for, or undefined when it is not an alerts link. Unknown values drop. */
export function fromFragment(hash: string): AlertViewQuery | undefined {
  if (hash !== PREFIX && !hash.startsWith(`${PREFIX}?`)) return undefined
  const params = new URLSearchParams(hash.slice(PREFIX.length + 1))
  const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
    allowed.find((a) => a === value)
  const priorities = (params.get('p') ?? '')
    .split(',')
    .map((p) => Priority.safeParse(p.trim().toUpperCase()))
    .flatMap((r) => (r.success ? [r.data] : []))
  const filters: AlertFilters = {
    status: pick(params.get('status'), ['open', 'closed', 'all'] as const) ?? 'open',
    priorities: [...new Set(priorities)].sort(),
    mine: params.get('mine') === '1' || params.get('mine') === 'true',
    acknowledged: pick(params.get('ack'), ['any', 'yes', 'no'] as const) ?? 'any',
    ...(params.get('team') ? { team: params.get('team') as string } : {}),
    ...(params.get('service') ? { service: params.get('service') as string } : {}),
  }
  return {
    filters,
    search: params.get('q') ?? '',
    sort: pick(params.get('sort'), ALERT_SORTS) ?? DEFAULT_QUERY.sort,
  }
}

/** Two queries narrow and order the list the same way (a saved view is "current"). */
export function sameQuery(a: AlertViewQuery, b: AlertViewQuery): boolean {
  return toFragment(a) === toFragment(b)
}
