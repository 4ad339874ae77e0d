// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import type { ReactElement } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { readAlerts } from '../../../src/renderer/src/db/alert-reads'
import { ALERT_PAGE, readAlertsPaged, useAlertSet } from '../../../src/renderer/src/db/alert-set'
import { alertRow, freshWorkspaceId } from '../app/support/fixtures'

afterEach(cleanup)

function Count(props: { db: CacheDb }): ReactElement {
  const rows = useAlertSet(props.db, 'open')
  return <p>{rows === undefined ? 'loading' : `${rows.length} open`}</p>
}

describe('the full alert set', () => {
  it('reads in pages with a pause between them, the same rows as one read', async () => {
    const db = await new CacheDb(freshWorkspaceId()).openOrExplain()
    const count = 2 * ALERT_PAGE + 7
    const created = (n: number): string =>
      new Date(1_700_000_000_000 + (n % 700) * 1000).toISOString()
    await db.alerts.bulkPut(
      Array.from({ length: count }, (_, n) =>
        alertRow(n, {
          createdAt: created(n), // several alerts per ms: pages start inside a run of equal keys
          ...(n < 3300 ? { priority: 'P1' as const } : {}),
          ...(n % 3 === 0 ? { status: 'closed' as const } : {}),
        }),
      ),
    )
    let pauses = 0
    const paged = await readAlertsPaged(db, 'open', async () => void (pauses += 1))
    const ids = (rows: { id: string }[]): string[] => rows.map((r) => r.id).sort()
    expect(ids(paged)).toEqual(ids(await readAlerts(db, 'open')))
    expect(pauses).toBeGreaterThanOrEqual(5) // inside P1 (2,200 open), and between priorities
    expect(ids(await readAlertsPaged(db, 'all', async () => undefined))).toEqual(
      ids(await readAlerts(db, 'all')),
    )
    db.close()
  })

  it('reads a run of alerts created in the same ms that is longer than a page', async () => {
    const db = await new CacheDb(freshWorkspaceId()).openOrExplain()
    const same = new Date(1_700_000_000_000).toISOString()
    const later = new Date(1_700_000_001_000).toISOString()
    await db.alerts.bulkPut(
      Array.from({ length: ALERT_PAGE + 500 }, (_, n) =>
        alertRow(n, { priority: 'P1', createdAt: n < ALERT_PAGE + 300 ? same : later }),
      ),
    )
    const paged = await readAlertsPaged(db, 'open', async () => undefined)
    expect(paged).toHaveLength(ALERT_PAGE + 500)
    expect(new Set(paged.map((r) => r.id)).size).toBe(ALERT_PAGE + 500)
    db.close()
  })

  it('follows writes made through another connection (as the ingest worker writes)', async () => {
    const id = freshWorkspaceId()
    const page = await new CacheDb(id).openOrExplain()
    await page.alerts.bulkPut([alertRow(1), alertRow(2)])
    render(<Count db={page} />)
    expect(await screen.findByText('2 open')).toBeTruthy()
    const writer = await new CacheDb(id).openOrExplain()
    await writer.alerts.bulkPut([alertRow(3), alertRow(4, { status: 'closed' })])
    await waitFor(() => expect(screen.getByText('3 open')).toBeTruthy())
    writer.close()
    page.close()
  })
})
