import { useState, type ReactElement } from 'react'
import { describeCommand, describeState } from './describe'
import type { OutboxEngine } from './engine'
import type { OutboxDb } from './outbox-db'
import type { OutboxCommand } from './record'
import { useOutboxCommands } from './use-outbox'

export interface OutboxPanelProps {
  readonly db: OutboxDb
  readonly workspaceId: string
  readonly engine: Pick<OutboxEngine, 'retry' | 'cancel' | 'confirm' | 'resume'>
  readonly now?: () => number
}

const canCancel = (c: OutboxCommand): boolean =>
  (c.state === 'queued' || c.state === 'waiting') && !c.maybeSent && c.requestId === undefined
const canRetry = (c: OutboxCommand): boolean =>
  c.state === 'failed' ||
  c.state === 'expired' ||
  c.state === 'cancelled' ||
  (c.state === 'waiting' && c.wait?.reason !== 'confirm')

/**
 * Every command with its state, retry and cancel per command, the one-click "send now" for
 * stale ones, the 401/403 pause with its "fix the key" ask, and the "not sent" list of expired
 * commands.
 */
export function OutboxPanel(props: OutboxPanelProps): ReactElement {
  const commands = useOutboxCommands(props.db, props.workspaceId)
  const [error, setError] = useState<string | undefined>()
  const now = (props.now ?? Date.now)()
  const act = (run: () => Promise<void>) => (): void => {
    setError(undefined)
    run().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }
  const paused = commands.some((c) => c.wait?.reason === 'paused')
  const expired = commands.filter((c) => c.state === 'expired')
  const rest = commands.filter((c) => c.state !== 'expired')

  const row = (c: OutboxCommand): ReactElement => (
    <li
      key={c.id}
      className={`outbox__command outbox__command--${c.state}`}
      data-testid="outbox-command"
      data-state={c.state}
    >
      <span className="outbox__what">{describeCommand(c)}</span>
      <span className="outbox__state" role="status">
        {describeState(c, now)}
      </span>
      {c.wait?.reason === 'confirm' && (
        <button type="button" onClick={act(() => props.engine.confirm(c.id))}>
          Send now
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
    </li>
  )

  return (
    <section className="outbox" aria-label="Outbox">
      <h2>Outbox</h2>
      {paused && (
        <p className="outbox__paused" role="alert">
          Opsgenie refused the API key; nothing is sent until you fix it in Settings.{' '}
          <button type="button" onClick={act(() => props.engine.resume())}>
            I fixed the key
          </button>
        </p>
      )}
      {error !== undefined && <p role="alert">{error}</p>}
      {rest.length === 0 && expired.length === 0 && <p>Nothing waiting to be sent.</p>}
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
