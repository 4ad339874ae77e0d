import { useState, type ReactElement } from 'react'
import type { Workflow } from '../incidents/coordination'
import { useCoordination } from '../incidents/coordination-context'
import { FormError } from '../incidents/FormError'
import { RepageSetting } from './RepageSetting'
import { useWorkflows } from '../incidents/use-coordination-data'
import { useSubmit } from '../incidents/use-submit'
import { WorkflowEditor } from './WorkflowEditor'
import { WorkflowTransfer } from './WorkflowTransfer'
import { fromWorkflow, newWorkflowDraft, TRIGGER_LABEL, type WorkflowDraft } from './workflow-draft'

/** The workspace's workflows: enable or disable, edit, delete, create, export and import. */
export function WorkflowsView(): ReactElement {
  const { coordination } = useCoordination()
  const workflows = useWorkflows()
  const [editing, setEditing] = useState<WorkflowDraft>()
  const submit = useSubmit()
  const setEnabled = (w: Workflow, enabled: boolean): void =>
    void submit.run(() => coordination.saveWorkflow({ ...w, enabled }))

  return (
    <section className="split" aria-label="Workflows">
      <div className="split__list">
        <div className="button-row">
          <button
            type="button"
            className="primary"
            onClick={() => setEditing(newWorkflowDraft(`wf-${crypto.randomUUID()}`))}
          >
            New workflow
          </button>
        </div>
        <RepageSetting />
        {workflows?.length === 0 && <p className="muted">No workflows yet.</p>}
        <ul className="plain-list" aria-label="Workflow list">
          {workflows?.map((w) => (
            <li key={w.id} className="workflow-row" data-workflow-id={w.id}>
              <label className="field--inline">
                <input
                  type="checkbox"
                  checked={w.enabled}
                  onChange={(e) => setEnabled(w, e.target.checked)}
                />
                <span className="visually-hidden">Enable {w.name}</span>
              </label>
              <button type="button" className="link" onClick={() => setEditing(fromWorkflow(w))}>
                {w.name}
              </button>{' '}
              <span className="muted">{TRIGGER_LABEL[w.trigger]}</span>{' '}
              <button
                type="button"
                aria-label={`Delete ${w.name}`}
                onClick={() => void submit.run(() => coordination.deleteWorkflow(w.id))}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
        <FormError error={submit.error} />
      </div>
      <div className="split__detail">
        {editing !== undefined ? (
          <WorkflowEditor
            key={editing.id}
            initial={editing}
            onSaved={() => setEditing(undefined)}
            onCancel={() => setEditing(undefined)}
          />
        ) : (
          <WorkflowTransfer />
        )}
      </div>
    </section>
  )
}
