import type { ReactElement } from 'react'
import { useStatusStore } from '../app/status-store'

/**
 * The status bar's word on a long ingest (a first connect's backfill): the most urgent alerts are
 * already on screen, the rest is still landing. Nothing once the batch is done.
 */
export function IngestProgress(): ReactElement | null {
  const progress = useStatusStore((s) => s.ingest)
  if (progress === undefined) return null
  const n = (x: number): string => x.toLocaleString('en-US')
  return (
    <span className="status-bar__item" data-testid="status-ingest" role="status">
      Loading alerts: {n(progress.done)} of {n(progress.total)}
    </span>
  )
}
