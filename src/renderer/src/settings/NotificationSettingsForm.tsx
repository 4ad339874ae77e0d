import { useState, type FormEvent, type ReactElement } from 'react'
import { PRIORITIES, type Priority } from '../../../shared/domain'
import { PREFERENCE_KEYS, writePreference } from './preferences'
import { useAppServices } from '../app/services'
import type { NotificationSettings } from '../notifications/settings'
import { validateNotificationForm } from './notification-form'

function toggle(list: readonly Priority[], p: Priority, on: boolean): Priority[] {
  return on ? [...new Set([...list, p])].sort() : list.filter((x) => x !== p)
}

/** Which priorities notify, which ring until acknowledged, mine or all, and quiet hours. */
export function NotificationSettingsForm(props: { initial: NotificationSettings }): ReactElement {
  const { settings } = useAppServices()
  const [draft, setDraft] = useState(props.initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)
  const set = (patch: Partial<NotificationSettings>): void => {
    setSaved(false)
    setDraft((d) => ({ ...d, ...patch }))
  }
  const setQuiet = (patch: Partial<NotificationSettings['quietHours']>): void =>
    set({ quietHours: { ...draft.quietHours, ...patch } })

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const result = validateNotificationForm(draft)
    if (!result.ok) return setErrors(result.errors)
    setErrors({})
    await writePreference(settings, PREFERENCE_KEYS.notificationSettings, result.value)
    setSaved(true)
  }
  const error = (key: string): ReactElement | null =>
    errors[key] === undefined ? null : (
      <p className="error" role="alert">
        {errors[key]}
      </p>
    )

  const priorityBoxes = (
    legend: string,
    key: 'notifyPriorities' | 'ringPriorities',
  ): ReactElement => (
    <fieldset className="checkbox-row">
      <legend>{legend}</legend>
      {PRIORITIES.map((p) => (
        <label key={p} className="field--inline">
          <input
            type="checkbox"
            checked={draft[key].includes(p)}
            onChange={(e) => set({ [key]: toggle(draft[key], p, e.target.checked) })}
          />
          {p}
        </label>
      ))}
      {error(key)}
    </fieldset>
  )

  return (
    <form aria-label="Notification rules" onSubmit={(e) => void submit(e)} noValidate>
      {priorityBoxes('Notify for', 'notifyPriorities')}
      {priorityBoxes('Ring until acknowledged', 'ringPriorities')}
      <fieldset className="checkbox-row">
        <legend>Which alerts</legend>
        <label className="field--inline">
          <input
            type="radio"
            name="scope"
            checked={draft.scope === 'all'}
            onChange={() => set({ scope: 'all' })}
          />{' '}
          All alerts
        </label>
        <label className="field--inline">
          <input
            type="radio"
            name="scope"
            checked={draft.scope === 'mine'}
            onChange={() => set({ scope: 'mine' })}
          />{' '}
          Only mine
        </label>
      </fieldset>
      <fieldset>
        <legend>Quiet hours</legend>
        <label className="field--inline">
          <input
            type="checkbox"
            checked={draft.quietHours.enabled}
            onChange={(e) => setQuiet({ enabled: e.target.checked })}
          />{' '}
          Quiet hours on
        </label>
        <label className="field">
          <span>From</span>
          <input
            type="time"
            value={draft.quietHours.start}
            disabled={!draft.quietHours.enabled}
            onChange={(e) => setQuiet({ start: e.target.value })}
          />
        </label>
        {error('quietHours.start')}
        <label className="field">
          <span>Until</span>
          <input
            type="time"
            value={draft.quietHours.end}
            disabled={!draft.quietHours.enabled}
            onChange={(e) => setQuiet({ end: e.target.value })}
          />
        </label>
        {error('quietHours.end')}
        <label className="field--inline">
          <input
            type="checkbox"
            checked={draft.quietHours.allowRinging}
            onChange={(e) => setQuiet({ allowRinging: e.target.checked })}
          />{' '}
          Ringing priorities still ring
        </label>
      </fieldset>
      <button type="submit" className="primary">
        Save notification rules
      </button>
      <p role="status" aria-live="polite">
        {saved ? 'Saved.' : ''}
      </p>
    </form>
  )
}
