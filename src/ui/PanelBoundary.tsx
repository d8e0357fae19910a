// One panel's crash stays in that panel: the rest of the page (and the learner's YAML, which lives
// in the store and in storage, not in the panel) keeps working, and the panel can be reset alone.
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** The panel's name, as the learner sees it ("Cluster", "Console"). */
  readonly name: string
  readonly children: ReactNode
}

interface State {
  readonly error?: Error
  /** Bumped by a reset: a new key mounts the panel afresh. */
  readonly generation: number
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { generation: 0 }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Reported for whoever looks at the console; the panel itself says what happened.
    console.error(`Ordinal: the ${this.props.name} panel failed`, error, info.componentStack)
  }

  private readonly reset = () => this.setState((s) => ({ error: undefined, generation: s.generation + 1 }))

  override render(): ReactNode {
    const { error, generation } = this.state
    if (error)
      return (
        <div className="panel-failed" role="alert" aria-label={`${this.props.name} panel failed`}>
          <p>
            <strong>The {this.props.name} panel stopped working.</strong> The rest of the page, your manifest
            and the cluster are unaffected.
          </p>
          <p className="panel-failed__error">{error.message}</p>
          <button type="button" onClick={this.reset}>
            Reset this panel
          </button>
        </div>
      )
    return <PanelGeneration key={generation}>{this.props.children}</PanelGeneration>
  }
}

function PanelGeneration({ children }: { children: ReactNode }) {
  return <>{children}</>
}
