// Owner: React. The cluster as a table — the same view model the canvas draws, for screen
// readers (visually hidden unless shown) and for anyone who prefers rows to pictures.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../../state/store'
import { createModelCache } from '../../canvas/modelCache'
import { useLanguage } from '../useLanguage'

export function ClusterTable({ visible }: { visible: boolean }) {
  const snapshot = useApp((s) => s.snapshot)
  const { t } = useTranslation()
  // The view model's notes and activity lines are written in the page's language.
  const modelOf = useMemo(() => createModelCache(), [])
  const model = modelOf(snapshot, useLanguage())
  return (
    <div className={visible ? 'cluster-table' : 'cluster-table visually-hidden'} data-testid="cluster-table">
      {model.sets.map((set) => (
        <table key={set.key} aria-label={t('table.label', { name: set.name, ready: set.ready })}>
          <caption>
            {t('table.caption', {
              name: set.name,
              ready: set.ready,
              policy: set.policy,
              activity: set.activity,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('table.slot')}</th>
              <th scope="col">{t('table.pod')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">{t('table.ip')}</th>
              <th scope="col">{t('table.node')}</th>
              <th scope="col">{t('table.record')}</th>
              <th scope="col">{t('table.claims')}</th>
            </tr>
          </thead>
          <tbody>
            {set.slots.map((slot) => (
              <tr key={slot.key}>
                <th scope="row">{slot.ordinal}</th>
                <td>{slot.pod?.name ?? t('table.vacant')}</td>
                <td>{slot.pod?.summary ?? slot.note}</td>
                <td>{slot.pod?.ip ?? '—'}</td>
                <td>{slot.pod?.node ?? '—'}</td>
                <td>
                  {slot.record
                    ? `${slot.record.name} → ${slot.record.answers.join(', ')}`
                    : t('table.noRecord')}
                </td>
                <td>
                  {slot.claims
                    .map(
                      (c) =>
                        `${c.name} ${c.phase}${c.volume ? ` (${c.volume.name})` : ''}${c.orphaned ? t('table.waiting') : ''}`,
                    )
                    .join('; ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {model.sets.length === 0 && <p>{t('table.none')}</p>}
    </div>
  )
}
