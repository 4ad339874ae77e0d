import { useState, type FormEvent, type ReactElement } from 'react'
import { TRIGGERS, type DryRun, type Trigger } from '../incidents/coordination'
import { ActionRows } from './ActionRows'
import { ConditionRows } from './ConditionRows'
import { useCoordination } from '../incidents/coordination-context'
import { FormError } from '../incidents/FormError'
import { useLocalIncidents } from '../incidents/use-coordination-data'
import { useSubmit } from '../incidents/use-submit'
import { toWorkflowInput, TRIGGER_LABEL, type WorkflowDraft } from './workflow-draft'

const isTrigger = (v: string): v is Trigger => (TRIGGERS as readonly string[]).includes(v)

/** Edits one workflow; "Dry run" says what it would do for a chosen incident, doing nothing. */
export function WorkflowEditor(props: {
  initial: WorkflowDraft
  onSaved(): void
  onCancel(): void
}): ReactElement {
  const { coordination } = useCoordination()
  const incidents = useLocalIncidents()
  const [draft, setDraft] = useState(props.initial)
  const [incidentId, setIncidentId] = useState('')
  const [dry, setDry] = useState<DryRun>()
  const save = useSubmit()
  const dryRun = useSubmit()
  const set = (change: Partial<WorkflowDraft>): void => setDraft((d) => ({ ...d, ...change }))
  const target = incidentId || incidents?.[0]?.id || ''

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    void save.run(async () => {
      await coordination.saveWorkflow(toWorkflowInput(draft))
      props.onSaved()
    })
  }

  return (
    <form className="workflow-editor" aria-label="Workflow editor" onSubmit={submit}>
      <h3>{draft.name.trim() || 'New workflow'}</h3>
      <label className="field">
        Workflow name
        <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label className="field--inline">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => set({ enabled: e.target.checked })}
        />
        Enabled
      </label>
      <label className="field">
        Trigger
        <select
          value={draft.trigger}
          onChange={(e) => isTrigger(e.target.value) && set({ trigger: e.target.value })}
        >
          {TRIGGERS.map((t) => (
            <option key={t} value={t}>
              {TRIGGER_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Run when</legend>
        {(['all', 'any'] as const).map((m) => (
          <label key={m} className="field--inline">
            <input
              type="radio"
              name="workflow-match"
              value={m}
              checked={draft.match === m}
              onChange={() => set({ match: m })}
            />
            {m === 'all' ? 'All conditions hold' : 'Any condition holds'}
          </label>
        ))}
      </fieldset>
      <ConditionRows conditions={draft.conditions} onChange={(conditions) => set({ conditions })} />
      <ActionRows actions={draft.actions} onChange={(actions) => set({ actions })} />
      <fieldset>
        <legend>Dry run</legend>
        <label className="field--inline">
          Incident
          <select value={target} onChange={(e) => setIncidentId(e.target.value)}>
            {incidents?.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title} ({i.severity})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={target === '' || dryRun.busy}
          onClick={() =>
            void dryRun.run(async () =>
              setDry(await coordination.dryRun(toWorkflowInput(draft), target)),
            )
          }
        >
          Dry run
        </button>
        {target === '' && <p className="muted">Declare an incident to dry-run against it.</p>}
        <FormError error={dryRun.error} />
        {dry !== undefined && (
          <ul aria-label="Dry run result" className="plain-list">
            {dry.sentences.map((s, n) => (
              <li key={n}>{s}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <FormError error={save.error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={save.busy}>
          Save workflow
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
