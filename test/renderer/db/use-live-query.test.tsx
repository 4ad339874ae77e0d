// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import type { ReactElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ViewErrorBoundary } from '../../../src/renderer/src/components/ViewErrorBoundary'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { useLiveQuery } from '../../../src/renderer/src/db/use-live-query'
import { alertRow, freshWorkspaceId } from '../app/support/fixtures'

afterEach(cleanup)

function Count(props: { read: () => Promise<number> }): ReactElement {
  const count = useLiveQuery(props.read, [props.read])
  return <p>{count === undefined ? 'Loading…' : `${count} alerts`}</p>
}

describe('useLiveQuery', () => {
  it('follows the cache as it changes', async () => {
    const db = await new CacheDb(freshWorkspaceId()).openOrExplain()
    const read = () => db.alerts.count()
    render(<Count read={read} />)
    await screen.findByText('0 alerts')
    await db.alerts.bulkPut([alertRow(1), alertRow(2)])
    await screen.findByText('2 alerts')
    db.close()
  })

  it('a failed read reaches the error boundary, not "Loading…" forever; Try again reads anew', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const db = await new CacheDb(freshWorkspaceId()).openOrExplain()
    let broken = true
    const read = async (): Promise<number> => {
      if (broken) throw new Error('the cache database was closed')
      return db.alerts.count()
    }
    render(
      <ViewErrorBoundary name="Alerts">
        <Count read={read} />
      </ViewErrorBoundary>,
    )
    expect((await screen.findByRole('alert')).textContent).toBe('the cache database was closed')
    expect(screen.getByRole('heading').textContent).toBe('Alerts could not be shown')
    expect(screen.queryByText('Loading…')).toBeNull()
    broken = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await screen.findByText('0 alerts')
    db.close()
    vi.restoreAllMocks()
  })
})
