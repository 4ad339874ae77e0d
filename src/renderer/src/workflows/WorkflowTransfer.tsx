import { useState, type ReactElement } from 'react'
import { useCoordination } from '../incidents/coordination-context'
import { FormError } from '../incidents/FormError'
import { useSubmit } from '../incidents/use-submit'

/** Export as JSON (to copy or download) and import from pasted or loaded JSON, all or nothing. */
export function WorkflowTransfer(): ReactElement {
  const { coordination } = useCoordination()
  const [exported, setExported] = useState<string>()
  const [json, setJson] = useState('')
  const [imported, setImported] = useState<number>()
  const exporting = useSubmit()
  const importing = useSubmit()
  const href =
    exported === undefined
      ? undefined
      : `data:application/json;charset=utf-8,${encodeURIComponent(exported)}`

  return (
    <section aria-labelledby="workflow-transfer">
      <h3 id="workflow-transfer">Export and import</h3>
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            void exporting.run(async () => setExported(await coordination.exportWorkflows()))
          }
        >
          Export workflows
        </button>
        {href !== undefined && (
          <a href={href} download="ondeck-workflows.json">
            Download ondeck-workflows.json
          </a>
        )}
      </div>
      <FormError error={exporting.error} />
      {exported !== undefined && (
        <label className="field">
          Exported JSON
          <textarea readOnly rows={6} value={exported} className="raw" />
        </label>
      )}
      <label className="field">
        Workflows JSON to import
        <textarea rows={6} value={json} onChange={(e) => setJson(e.target.value)} />
      </label>
      <label className="field">
        Or load a file
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (file !== undefined) void file.text().then(setJson)
          }}
        />
      </label>
      <button
        type="button"
        disabled={json.trim() === '' || importing.busy}
        onClick={() =>
          void importing.run(async () => {
            setImported(undefined)
            setImported(await coordination.importWorkflows(json))
          })
        }
      >
        Import workflows
      </button>
      <FormError error={importing.error} />
      {imported !== undefined && importing.error === undefined && (
        <p role="status">
          Imported {imported} workflow{imported === 1 ? '' : 's'}.
        </p>
      )}
    </section>
  )
}
