import { useState, type ReactElement } from 'react'
import {
  describeCommand,
  describeState,
  describeTime,
  describeWaitReason,
  type TargetNames,
} from './describe'
import type { OutboxEngine } from './engine'
import type { OutboxDb } from './outbox-db'
import { isHeldForMove } from './provider-guard'
import type { OutboxCommand } from './record'
import { canCancel, canRetry, isHistory } from './selectors'
import { useOutboxCommands } from './use-outbox'

export interface OutboxPanelProps {
  readonly db: OutboxDb
  readonly workspaceId: string
  readonly engine: Pick<OutboxEngine, 'retry' | 'cancel' | 'confirm' | 'resume'>
  /** Alert and incident numbers and titles from the cache; rows never show ids. */
  readonly names?: TargetNames
  readonly now?: () => number
}

/**
 * Every command with its alert, time, plain state and failure reason; retry (only where it can
 * help) and cancel per command, the one-click "send now" for stale ones, the 401/403 pause with
 * its "fix the key" ask, and the "not sent" list. What went through is history, behind
 * "Show sent", so what needs the responder stands out.
 */
export function OutboxPanel(props: OutboxPanelProps): ReactElement {
  const commands = useOutboxCommands(props.db, props.workspaceId)
  const [error, setError] = useState<string | undefined>()
  const [showSent, setShowSent] = useState(false)
  const now = (props.now ?? Date.now)()
  const act = (run: () => Promise<void>) => (): void => {
    setError(undefined)
    run().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }
  const paused = commands.some((c) => c.wait?.reason === 'paused')
  const expired = commands.filter((c) => c.state === 'expired')
  const history = commands.filter((c) => isHistory(c, commands))
  const moved = commands.filter(isHeldForMove)
  const rest = commands.filter(
    (c) => c.state !== 'expired' && (showSent || !isHistory(c, commands)),
  )

  const row = (c: OutboxCommand): ReactElement => {
    const reason = describeWaitReason(c)
    return (
      <li
        key={c.id}
        className={`outbox__command outbox__command--${c.state}`}
        data-testid="outbox-command"
        data-state={c.state}
      >
        <time className="outbox__time" dateTime={new Date(c.createdAt).toISOString()}>
          {describeTime(c.createdAt)}
        </time>
        <span className="outbox__what">{describeCommand(c, props.names)}</span>
        <span className="outbox__state" data-testid="outbox-state">
          {describeState(c, now)}
        </span>
        {reason !== undefined && <span className="outbox__reason muted">{reason}</span>}
        <span className="outbox__buttons">
          {c.wait?.reason === 'confirm' && (
            <button type="button" onClick={act(() => props.engine.confirm(c.id))}>
              {isHeldForMove(c) ? 'Send to JSM' : 'Send now'}
            </button>
          )}
          {canRetry(c) && (
            <button type="button" onClick={act(() => props.engine.retry(c.id))}>
              Retry
            </button>
          )}
          {canCancel(c) && (
            <button type="button" onClick={act(() => props.engine.cancel(c.id))}>
              Cancel
            </button>
          )}
        </span>
      </li>
    )
  }

  return (
    <section className="outbox" aria-label="Outbox">
      <div className="outbox__header">
        <h2>Outbox</h2>
        <label className="outbox__filter">
          <input
            type="checkbox"
            checked={showSent}
            onChange={(e) => setShowSent(e.target.checked)}
          />
          Show sent ({history.length})
        </label>
      </div>
      {paused && (
        <p className="outbox__paused" role="alert">
          Opsgenie refused the API key; nothing is sent until you fix it in Settings.{' '}
          <button type="button" onClick={act(() => props.engine.resume())}>
            I fixed the key
          </button>
        </p>
      )}
      {moved.length > 1 && (
        <p className="outbox__moved">
          {moved.length} actions were queued before the move to Jira Service Management.{' '}
          <button
            type="button"
            onClick={act(async () => {
              for (const c of moved) await props.engine.confirm(c.id)
            })}
          >
            Send all {moved.length} to JSM
          </button>
        </p>
      )}
      {error !== undefined && <p role="alert">{error}</p>}
      {rest.length === 0 && expired.length === 0 && (
        <p className="muted">
          Nothing waiting to be sent.
          {!showSent && history.length > 0 ? ' Tick "Show sent" for what went through.' : ''}
        </p>
      )}
      <ul className="outbox__list">{rest.map(row)}</ul>
      {expired.length > 0 && (
        <>
          <h3>Not sent</h3>
          <ul className="outbox__list outbox__list--expired">{expired.map(row)}</ul>
        </>
      )}
    </section>
  )
}
