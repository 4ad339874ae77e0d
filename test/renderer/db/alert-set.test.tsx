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
    await db.alerts.bulkPut(
      Array.from({ length: count }, (_, n) => alertRow(n, n % 3 === 0 ? { status: 'closed' } : {})),
    )
    let pauses = 0
    const paged = await readAlertsPaged(db, 'open', async () => void (pauses += 1))
    expect(paged.map((r) => r.id)).toEqual((await readAlerts(db, 'open')).map((r) => r.id))
    expect(pauses).toBe(Math.ceil(paged.length / ALERT_PAGE) - 1)
    expect((await readAlertsPaged(db, 'all', async () => undefined)).length).toBe(count)
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
