import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** Which view failed, for the message. */
  readonly name: string
  readonly children: ReactNode
}

interface State {
  readonly error?: Error
}

/**
 * A view whose read of the local cache fails says so, instead of "Loading…" forever, and the rest
 * of the shell (navigation, status bar, alarm) keeps working. "Try again" renders the view anew,
 * which subscribes its live queries again.
 */
export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = {}

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`the ${this.props.name} view failed`, error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (error === undefined) return this.props.children
    return (
      <section className="page" aria-labelledby="view-error">
        <h2 id="view-error">{this.props.name} could not be shown</h2>
        <p role="alert">{error.message}</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </section>
    )
  }
}
