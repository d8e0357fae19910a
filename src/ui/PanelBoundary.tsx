// One panel's crash stays in that panel: the rest of the page (and the learner's YAML, which lives
// in the store and in storage, not in the panel) keeps working, and the panel can be reset alone.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Translation } from 'react-i18next'

interface Props {
  /** The panel's name, as the learner sees it ("Cluster", "Console"), in the page's language. */
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
    const { name } = this.props
    // A class component: the render-prop form of useTranslation, so the message follows the language.
    if (error)
      return (
        <Translation>
          {(t) => (
            <div className="panel-failed" role="alert" aria-label={t('panel.failed', { name })}>
              <p>
                <strong>{t('panel.stopped', { name })}</strong> {t('panel.unaffected')}
              </p>
              <p className="panel-failed__error">{error.message}</p>
              <button type="button" onClick={this.reset}>
                {t('panel.reset')}
              </button>
            </div>
          )}
        </Translation>
      )
    return <PanelGeneration key={generation}>{this.props.children}</PanelGeneration>
  }
}

function PanelGeneration({ children }: { children: ReactNode }) {
  return <>{children}</>
}
