import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react'
import { SEVERITIES, severityToPriority } from '../../../shared/domain'
import type { LocalIncident } from './coordination'
import { CheckboxGroup } from './CheckboxGroup'
import { useCoordination } from './coordination-context'
import { AlertPicker } from './AlertPicker'
import { useCoordinationViewStore } from './coordination-view-store'
import {
  draftFromAlert,
  EMPTY_DECLARE,
  isSeverity,
  toDeclareInput,
  type DeclareDraft,
} from './declare-form'
import { useLiveQuery } from '../db/use-live-query'
import { useDirectoryChoices } from './use-directory'

/** Declares a local incident; optionally opens the linked Opsgenie incident with responders. */
export function DeclareIncidentForm(props: {
  onDeclared(incident: LocalIncident): void
  onCancel(): void
}): ReactElement {
  const { coordination, cache } = useCoordination()
  const choices = useDirectoryChoices()
  const fromId = useCoordinationViewStore((s) => s.declareFrom)
  const from = useLiveQuery(
    async () => (fromId === undefined ? null : ((await cache.alerts.get(fromId)) ?? null)),
    [cache, fromId],
  )
  const [draft, setDraft] = useState<DeclareDraft>(EMPTY_DECLARE)
  const [prefilled, setPrefilled] = useState<{ key: string; draft: DeclareDraft }>()
  // Prefill from the alert, again while the directory is still loading (services and teams
  // matched late), but never over what the responder has changed.
  const prefillKey = from ? `${from.id}:${choices.services.length}:${choices.teams.length}` : ''
  if (
    from &&
    prefilled?.key !== prefillKey &&
    (prefilled === undefined || draft === prefilled.draft)
  ) {
    const next = draftFromAlert(from, choices.services, choices.teams)
    setPrefilled({ key: prefillKey, draft: next })
    setDraft(next)
  }
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const titleRef = useRef<HTMLInputElement>(null)
  useEffect(() => titleRef.current?.focus(), [])
  const set = (change: Partial<DeclareDraft>): void => setDraft((d) => ({ ...d, ...change }))

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const incident = await coordination.declare(toDeclareInput(draft))
      const alerts = await cache.alerts.bulkGet(draft.alertIds)
      for (const alert of alerts) {
        if (alert === undefined) continue
        await coordination.attachAlert(incident.id, {
          alertId: alert.id,
          alias: alert.alias,
          message: alert.message,
        })
      }
      props.onDeclared(incident)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="declare-form" aria-labelledby="declare-title" onSubmit={(e) => void submit(e)}>
      <h3 id="declare-title">Declare incident</h3>
      {from && (
        <p className="muted">
          From alert #{from.tinyId} ({from.priority}): title, severity, services, teams and the link
          to the alert are filled in from it.
        </p>
      )}
      <label className="field">
        Title
        <input
          ref={titleRef}
          required
          maxLength={130}
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
      <label className="field">
        Severity
        <select
          value={draft.severity}
          onChange={(e) => isSeverity(e.target.value) && set({ severity: e.target.value })}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s} ({severityToPriority(s)})
            </option>
          ))}
        </select>
      </label>
      <CheckboxGroup
        legend="Impacted services"
        options={choices.services.map((s) => ({ value: s.id, label: s.name }))}
        selected={draft.serviceIds}
        onChange={(serviceIds) => set({ serviceIds })}
        empty="No services known yet: import them under Services."
      />
      <label className="field">
        Incident type
        <input value={draft.incidentType} onChange={(e) => set({ incidentType: e.target.value })} />
      </label>
      <label className="field">
        Tags (comma separated)
        <input value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />
      </label>
      <label className="field">
        Description
        <textarea
          rows={3}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </label>
      <AlertPicker
        legend="Attach alerts"
        selected={draft.alertIds}
        onChange={(alertIds) => set({ alertIds })}
      />
      <label className="field--inline">
        <input
          type="checkbox"
          checked={draft.createOpsgenieIncident}
          onChange={(e) => set({ createOpsgenieIncident: e.target.checked })}
        />
        Create linked Opsgenie incident
      </label>
      {draft.createOpsgenieIncident && (
        <>
          <CheckboxGroup
            legend="Responder teams"
            options={choices.teams.map((t) => ({ value: t.name, label: t.name }))}
            selected={draft.teams}
            onChange={(teams) => set({ teams })}
          />
          <CheckboxGroup
            legend="Responder users"
            options={choices.users.map((u) => ({ value: u.username, label: u.fullName }))}
            selected={draft.users}
            onChange={(users) => set({ users })}
          />
        </>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Declare
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
