// Owner: React owns this panel. It shows the selected object as kubectl would describe it, its
// YAML, what it is related to and, for a volume, its files; and offers the direct actions a
// learner would otherwise type (each runs — and echoes — the equivalent kubectl command).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
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
  const { t } = useTranslation()
  if (!selected) {
    return (
      <section className="inspector inspector--empty" aria-label={t('inspector.label')}>
        <p>{t('inspector.empty')}</p>
      </section>
    )
  }
  const view = actions.inspect(selected)
  const tabs: Tab[] = view.files
    ? ['describe', 'yaml', 'relations', 'files']
    : ['describe', 'yaml', 'relations']
  return (
    <section
      className="inspector"
      aria-label={t('inspector.of', { kind: selected.kind, name: selected.name })}
    >
      <header className="inspector__header">
        <h2>
          <span className="inspector__kind">{selected.kind}</span> {selected.name}
          {!view.exists && <span className="inspector__gone">{t('inspector.gone')}</span>}
        </h2>
        <button
          type="button"
          className="inspector__close"
          aria-label={t('inspector.close')}
          onClick={() => actions.select(undefined)}
        >
          ×
        </button>
      </header>
      {view.exists && <DirectActions target={selected} />}
      <div role="tablist" aria-label={t('inspector.views')} className="inspector__tabs">
        {tabs.map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
          >
            {t(`inspector.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="inspector__body">
        {tab === 'describe' && <pre>{view.describe}</pre>}
        {tab === 'yaml' && <pre>{view.yaml || t('inspector.noObject')}</pre>}
        {tab === 'relations' && (
          <Relations relations={view.relations} dnsNames={view.dnsNames} onSelect={actions.select} />
        )}
        {tab === 'files' && (
          <ul className="inspector__files">
            {(view.files ?? []).length === 0 && <li>{t('inspector.noFiles')}</li>}
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

function Relations(props: {
  relations: readonly { label: string; ref: ObjectRef }[]
  dnsNames: readonly string[]
  onSelect: (ref: ObjectRef) => void
}) {
  const { t } = useTranslation()
  return (
    <ul className="inspector__relations">
      {props.relations.map((r) => (
        <li key={`${r.label}/${r.ref.kind}/${r.ref.name}`}>
          <span className="inspector__relation">{relationWord(r.label, t)}</span>{' '}
          <button type="button" className="link" onClick={() => props.onSelect(r.ref)}>
            {r.ref.kind} {r.ref.name}
          </button>
        </li>
      ))}
      {props.dnsNames.map((n) => (
        <li key={n}>
          <span className="inspector__relation">{t('inspector.relations.dns')}</span> <code>{n}</code>
        </li>
      ))}
      {props.relations.length === 0 && props.dnsNames.length === 0 && (
        <li>{t('inspector.nothingRelated')}</li>
      )}
    </ul>
  )
}

/** state/inspect.ts names each relation in English; these are its words, translated (others shown as they are). */
const RELATION_WORDS = {
  Owner: 'inspector.relations.owner',
  Node: 'inspector.relations.node',
  Claim: 'inspector.relations.claim',
  Service: 'inspector.relations.service',
  Pod: 'inspector.relations.pod',
  Volume: 'inspector.relations.volume',
  StorageClass: 'inspector.relations.storageClass',
  'Used by': 'inspector.relations.usedBy',
  EndpointSlice: 'inspector.relations.endpointSlice',
} as const

function relationWord(label: string, t: TFunction): string {
  const key = RELATION_WORDS[label as keyof typeof RELATION_WORDS]
  return key ? t(key) : label
}
