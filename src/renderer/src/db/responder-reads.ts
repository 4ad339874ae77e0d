import { assertNever } from '../../../shared/assert-never'
import type { ResponderRef } from '../../../shared/domain'
import type { CacheDb } from './cache-db'

/**
 * The responder with both its id and its name filled in from the cached directory (teams, users
 * by username, schedules, escalations), so a reference by id and one by name can be compared.
 * Opsgenie answers an alert's responders by id while responders type names: without this the two
 * never match. Unknown to the cache: returned as given.
 */
export async function identifyResponder(cache: CacheDb, ref: ResponderRef): Promise<ResponderRef> {
  if (ref.id !== undefined && ref.name !== undefined) return ref
  const found = await lookup(cache, ref)
  if (found === undefined) return ref
  return { type: ref.type, id: found.id, name: found.name }
}

async function lookup(
  cache: CacheDb,
  ref: ResponderRef,
): Promise<{ id: string; name: string } | undefined> {
  switch (ref.type) {
    case 'user': {
      const row =
        ref.id !== undefined
          ? await cache.users.get(ref.id)
          : await cache.users.where('username').equalsIgnoreCase(String(ref.name)).first()
      return row === undefined ? undefined : { id: row.id, name: row.username }
    }
    case 'team':
      return named(cache.teams, ref)
    case 'schedule':
      return named(cache.schedules, ref)
    case 'escalation':
      return named(cache.escalations, ref)
    default:
      return assertNever(ref.type, 'responder type')
  }
}

type NamedTable = CacheDb['teams'] | CacheDb['schedules'] | CacheDb['escalations']

async function named(
  table: NamedTable,
  ref: ResponderRef,
): Promise<{ id: string; name: string } | undefined> {
  const row =
    ref.id !== undefined
      ? await table.get(ref.id)
      : await table.where('name').equalsIgnoreCase(String(ref.name)).first()
  return row === undefined ? undefined : { id: row.id, name: row.name }
}
