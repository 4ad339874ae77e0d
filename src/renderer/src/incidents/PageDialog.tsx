import { useEffect, useRef, useState, type ReactElement } from 'react'
import {
  PRIORITIES,
  severityToPriority,
  type Priority,
  type ResponderRef,
} from '../../../shared/domain'
import type { LocalIncident, PageResult } from './coordination'
import { useCoordination } from './coordination-context'
import { FormError } from './FormError'
import {
  describeTargets,
  isTargetType,
  TARGET_LABEL,
  TARGET_TYPES,
  targetNames,
  type TargetType,
} from './page-targets'
import { useDirectoryChoices } from './use-directory'
import { isPriority } from '../workflows/workflow-draft'
import { useSubmit } from './use-submit'

function resultText(r: PageResult): string {
  const paged = r.paged.length > 0 ? `Paged ${describeTargets(r.paged)} at ${r.priority}.` : ''
  const skipped =
    r.skipped.length > 0
      ? ` Not paged again (already responding): ${describeTargets(r.skipped)}.`
      : ''
  return (paged + skipped).trim() || 'Nobody to page.'
}

/** Pages teams, users, escalations or schedules with an alert linked to the incident. */
export function PageDialog(props: { incident: LocalIncident; onClose(): void }): ReactElement {
  const { coordination } = useCoordination()
  const choices = useDirectoryChoices()
  const [type, setType] = useState<TargetType>('team')
  const [name, setName] = useState('')
  const [targets, setTargets] = useState<ResponderRef[]>([])
  const [priority, setPriority] = useState<Priority>(severityToPriority(props.incident.severity))
  const [message, setMessage] = useState('')
  const [result, setResult] = useState<PageResult>()
  const submit = useSubmit()
  const first = useRef<HTMLSelectElement>(null)
  useEffect(() => first.current?.focus(), [])
  const names = targetNames(choices, type)
  const chosen = name !== '' && names.includes(name) ? name : (names[0] ?? '')

  const add = (): void => {
    if (chosen === '') return
    if (targets.some((t) => t.type === type && t.name === chosen)) return
    setTargets([...targets, { type, name: chosen }])
  }
  const page = (): void => {
    void submit.run(async () => {
      const all = targets.length > 0 ? targets : chosen !== '' ? [{ type, name: chosen }] : []
      if (all.length === 0)
        throw new Error('choose at least one team, user, escalation or schedule')
      setResult(
        await coordination.page(props.incident.id, all, {
          priority,
          ...(message.trim() !== '' ? { message: message.trim() } : {}),
        }),
      )
      setTargets([])
    })
  }

  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby="page-dialog-title"
      className="card page-dialog"
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h3 id="page-dialog-title">Page responders</h3>
      <div className="button-row">
        <label className="field--inline">
          Target type
          <select
            ref={first}
            value={type}
            onChange={(e) => isTargetType(e.target.value) && setType(e.target.value)}
          >
            {TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {TARGET_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="field--inline">
          Name
          <select value={chosen} onChange={(e) => setName(e.target.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add} disabled={chosen === ''}>
          Add target
        </button>
      </div>
      {targets.length > 0 && (
        <ul className="chips" aria-label="Targets">
          {targets.map((t) => (
            <li key={`${t.type}:${t.name ?? ''}`}>
              {t.type} {t.name}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <label className="field--inline">
          Priority
          <select
            value={priority}
            onChange={(e) => isPriority(e.target.value) && setPriority(e.target.value)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="field--inline field--grow">
          Message
          <input
            value={message}
            placeholder={props.incident.title}
            onChange={(e) => setMessage(e.target.value)}
          />
        </label>
      </div>
      <FormError error={submit.error} />
      {result !== undefined && <p role="status">{resultText(result)}</p>}
      <div className="button-row">
        <button type="button" className="primary" disabled={submit.busy} onClick={page}>
          Page
        </button>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  )
}
