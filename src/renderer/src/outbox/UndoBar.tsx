import { useCallback, useEffect, useState, type ReactElement } from 'react'
import { useWorkspace } from '../app/workspace-context'
import { useAlert } from '../db/alert-reads'
import { describeKeys, KEYMAP } from '../keyboard/keymap'
import { useOutbox } from './outbox-context'
import { useUndoStore, type HeldCommand } from './undo-store'

/** Withdraws a held command; false when it had already gone out (the bar then says so). */
export function useUndo(): { undo(commandId?: string): Promise<boolean> } {
  const { engine } = useOutbox()
  const undo = useCallback(
    async (commandId?: string): Promise<boolean> => {
      const { held, forget } = useUndoStore.getState()
      const target = commandId ?? held.at(-1)?.commandId
      if (target === undefined) return false
      forget(target)
      try {
        await engine.cancel(target)
        return true
      } catch {
        return false
      }
    },
    [engine],
  )
  return { undo }
}

function HeldRow(props: { held: HeldCommand; undo(id: string): void }): ReactElement {
  const { db } = useWorkspace()
  const alert = useAlert(db, props.held.alertId)
  const key = describeKeys(KEYMAP.undo, false)
  return (
    <li className="undo-bar__item">
      <span>
        {props.held.verb} {alert === undefined || alert === null ? 'alert' : `#${alert.tinyId}`}{' '}
        {alert?.message ?? ''}
      </span>
      <button
        type="button"
        aria-keyshortcuts={key}
        onClick={() => props.undo(props.held.commandId)}
      >
        Undo <kbd>{key}</kbd>
      </button>
    </li>
  )
}

/**
 * Says what a one-key destructive action is about to do while the outbox still holds it, with
 * Undo. Each row goes when its hold ends (the outbox sends it then, not this bar).
 */
export function UndoBar(): ReactElement | null {
  const held = useUndoStore((s) => s.held)
  const forget = useUndoStore((s) => s.forget)
  const { undo } = useUndo()
  const [, setTick] = useState(0)
  useEffect(() => {
    const next = held.reduce((min, c) => Math.min(min, c.until), Infinity)
    if (next === Infinity) return
    const timer = setTimeout(
      () => {
        for (const c of held) if (c.until <= Date.now()) forget(c.commandId)
        setTick((n) => n + 1)
      },
      Math.max(0, next - Date.now()),
    )
    return () => clearTimeout(timer)
  }, [held, forget])
  if (held.length === 0) return null
  return (
    <section className="undo-bar" role="status" aria-label="Undo">
      <ul>
        {held.map((c) => (
          <HeldRow key={c.commandId} held={c} undo={(id) => void undo(id)} />
        ))}
      </ul>
    </section>
  )
}
