// Owner: React owns this panel. It shows the selected object as kubectl would describe it, its
// YAML, what it is related to and, for a volume, its files; and offers the direct actions a
// learner would otherwise type (each runs — and echoes — the equivalent kubectl command).
import { useState } from 'react'
import { useActions, useApp } from '../../state/store'
import type { ObjectRef } from '../../state/inspect'
import { DirectActions } from './DirectActions'
import './inspector.css'

type Tab = 'describe' | 'yaml' | 'relations' | 'files'

export function Inspector() {
  const selected = useApp((s) => s.selected)
  // Re-read whenever the cluster changes, so the view follows the simulated clock.
  useApp((s) => s.snapshot.resourceVersion + ':' + Math.floor(s.snapshot.now / 1000))
  const actions = useActions()
  const [tab, setTab] = useState<Tab>('describe')
  if (!selected) {
    return (
      <section className="inspector inspector--empty" aria-label="Inspector">
        <p>Select a pod, claim, volume or set in the cluster to inspect it.</p>
      </section>
    )
  }
  const view = actions.inspect(selected)
  const tabs: Tab[] = view.files
    ? ['describe', 'yaml', 'relations', 'files']
    : ['describe', 'yaml', 'relations']
  return (
    <section className="inspector" aria-label={`Inspector: ${selected.kind} ${selected.name}`}>
      <header className="inspector__header">
        <h2>
          <span className="inspector__kind">{selected.kind}</span> {selected.name}
          {!view.exists && <span className="inspector__gone"> — gone</span>}
        </h2>
        <button
          type="button"
          className="inspector__close"
          aria-label="Close inspector"
          onClick={() => actions.select(undefined)}
        >
          ×
        </button>
      </header>
      {view.exists && <DirectActions target={selected} />}
      <div role="tablist" aria-label="Inspector views" className="inspector__tabs">
        {tabs.map((t) => (
          <button key={t} role="tab" type="button" aria-selected={tab === t} onClick={() => setTab(t)}>
            {label(t)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="inspector__body">
        {tab === 'describe' && <pre>{view.describe}</pre>}
        {tab === 'yaml' && <pre>{view.yaml || '(the object no longer exists)'}</pre>}
        {tab === 'relations' && (
          <Relations relations={view.relations} dnsNames={view.dnsNames} onSelect={actions.select} />
        )}
        {tab === 'files' && (
          <ul className="inspector__files">
            {(view.files ?? []).length === 0 && <li>(no files yet)</li>}
            {(view.files ?? []).map((f) => (
              <li key={f.path}>
                <code>{f.path}</code>
                <pre>{f.content}</pre>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}

function label(tab: Tab): string {
  return { describe: 'Describe', yaml: 'YAML', relations: 'Relations', files: 'Files' }[tab]
}

function Relations(props: {
  relations: readonly { label: string; ref: ObjectRef }[]
  dnsNames: readonly string[]
  onSelect: (ref: ObjectRef) => void
}) {
  return (
    <ul className="inspector__relations">
      {props.relations.map((r) => (
        <li key={`${r.label}/${r.ref.kind}/${r.ref.name}`}>
          <span className="inspector__relation">{r.label}</span>{' '}
          <button type="button" className="link" onClick={() => props.onSelect(r.ref)}>
            {r.ref.kind} {r.ref.name}
          </button>
        </li>
      ))}
      {props.dnsNames.map((n) => (
        <li key={n}>
          <span className="inspector__relation">DNS</span> <code>{n}</code>
        </li>
      ))}
      {props.relations.length === 0 && props.dnsNames.length === 0 && <li>(nothing related)</li>}
    </ul>
  )
}
