import { useEffect, useRef, useState, type ReactElement } from 'react'
import { useCoordination } from '../incidents/coordination-context'
import { FormError } from '../incidents/FormError'
import { ServiceOverviewPanel } from './ServiceOverviewPanel'
import { useImportedServices, useImportProgress } from '../incidents/use-coordination-data'
import { useSubmit } from '../incidents/use-submit'

/**
 * Imports every Opsgenie service (through the governor's configuration budget), with a progress
 * bar. Stopping, or closing the app mid-way, leaves the cursor stored, so the next run resumes.
 */
export function ServicesImportView(): ReactElement {
  const { coordination } = useCoordination()
  const progress = useImportProgress()
  const services = useImportedServices()
  const [selected, setSelected] = useState<string>()
  const controller = useRef<AbortController | null>(null)
  const submit = useSubmit()
  useEffect(() => () => controller.current?.abort(), [])
  const running = submit.busy
  // "running" with nothing running here means the app stopped mid-import: it resumes.
  const resumable = progress != null && progress.state !== 'done' && !running
  const start = (): void => {
    controller.current = new AbortController()
    const signal = controller.current.signal
    void submit.run(async () => {
      const result = await coordination.importServices({ signal })
      if (result.error !== undefined) throw new Error(`the import stopped: ${result.error}`)
    })
  }
  const total = Math.max(progress?.totalKnown ?? 0, progress?.done ?? 0)

  return (
    <section className="split" aria-label="Services import">
      <div className="split__list">
        <div className="button-row">
          <button type="button" className="primary" disabled={running} onClick={start}>
            {resumable ? 'Resume import' : 'Import services'}
          </button>
          <button type="button" disabled={!running} onClick={() => controller.current?.abort()}>
            Stop import
          </button>
        </div>
        {progress != null && (
          <p>
            <label>
              Services imported{' '}
              <progress max={total || 1} value={progress.done}>
                {progress.done} of {total}
              </progress>
            </label>{' '}
            <span data-testid="import-progress">
              {progress.done} of {total}
              {progress.cursor !== undefined ? '+' : ''} ·{' '}
              {running ? 'running' : progress.state === 'done' ? 'done' : 'interrupted'}
            </span>
          </p>
        )}
        <FormError error={submit.error ?? progress?.error} />
        <ul className="plain-list" aria-label="Imported services">
          {services?.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="list-button"
                aria-current={s.id === selected ? 'true' : undefined}
                onClick={() => setSelected(s.id)}
              >
                <span className="list-button__title">{s.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="split__detail">
        {selected === undefined ? (
          <p className="muted">Select a service to see its open alerts and incidents.</p>
        ) : (
          <ServiceOverviewPanel serviceId={selected} />
        )}
      </div>
    </section>
  )
}
