import { EnginePreview } from './EnginePreview'

/**
 * Placeholder home page. The interactive cluster view (manifest editor, kubectl
 * shell and the animated StatefulSet) replaces this in a later issue.
 */
export function App() {
  return (
    <main data-testid="app" className="app">
      <header className="hero">
        <p className="mark" aria-hidden="true">
          <span className="slot">0</span>
          <span className="slot">1</span>
          <span className="slot">2</span>
        </p>
        <h1>Ordinal</h1>
        <p className="tagline">Learn Kubernetes StatefulSets by simulation.</p>
      </header>
      <p className="status" role="status">
        The interactive cluster view is coming; until it lands, here is the engine at work.
      </p>
      <EnginePreview />
    </main>
  )
}
