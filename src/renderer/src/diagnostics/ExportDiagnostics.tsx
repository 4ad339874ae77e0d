import { useState, type ReactElement } from 'react'
import { useAppServices } from '../app/services'
import { useWorkspace } from '../app/workspace-context'
import { useStatusStore } from '../app/status-store'
import { collectReport } from './report'

type ExportState =
  | { readonly step: 'idle' }
  | { readonly step: 'working' }
  | { readonly step: 'saved'; readonly path?: string }
  | { readonly step: 'cancelled' }
  | { readonly step: 'failed'; readonly message: string }

/**
 * "Export diagnostics": one archive (logs, versions, settings, outbox and intake state) for a
 * support request. Main writes it: a save dialog on the desktop, the data folder in browser mode,
 * whose path is shown here. No key or token is in it; main scrubs every byte.
 */
export function ExportDiagnostics(): ReactElement {
  const { api, settings, outbox } = useAppServices()
  const { db } = useWorkspace()
  const health = useStatusStore((s) => s.health)
  const [state, setState] = useState<ExportState>({ step: 'idle' })

  async function exportNow(): Promise<void> {
    setState({ step: 'working' })
    try {
      const report = await collectReport({
        settings,
        outbox,
        cache: db,
        ...(health !== undefined ? { health } : {}),
        userAgent: navigator.userAgent,
      })
      const answer = await api.diagnostics.export({ report })
      if (!answer.ok) setState({ step: 'failed', message: answer.error.message })
      else if (!answer.value.saved) setState({ step: 'cancelled' })
      else
        setState({
          step: 'saved',
          ...(answer.value.path !== undefined ? { path: answer.value.path } : {}),
        })
    } catch (error) {
      setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) })
    }
  }

  return (
    <div className="export-diagnostics">
      <p className="muted">
        For a support request: logs, versions, settings, outbox and intake state in one archive. API
        keys and relay tokens are never included.
      </p>
      <button type="button" disabled={state.step === 'working'} onClick={() => void exportNow()}>
        {state.step === 'working' ? 'Exporting…' : 'Export diagnostics'}
      </button>
      <p role="status">
        {state.step === 'saved' &&
          (state.path !== undefined ? `Saved to ${state.path}` : 'Diagnostics saved.')}
        {state.step === 'cancelled' && 'Not saved.'}
        {state.step === 'failed' && `Could not export diagnostics: ${state.message}`}
      </p>
    </div>
  )
}
