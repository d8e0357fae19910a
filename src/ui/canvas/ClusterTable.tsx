// Owner: React. The cluster as a table — the same view model the canvas draws, for screen
// readers (off-stage unless shown) and for anyone who prefers rows to pictures.
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../../state/store'
import type { ClusterSnapshot } from '../../state/clusterSession'
import { useThrottled } from '../useThrottled'
import { sharedModel } from '../../canvas/modelCache'
import { useLanguage } from '../useLanguage'

/** A slot's row from its cell texts: only rows whose text changed re-render (300 rows every frame did). */
const SlotRow = memo(
  function SlotRow({ cells: [ordinal, ...rest] }: { cells: readonly string[] }) {
    return (
      <tr>
        <th scope="row">{ordinal}</th>
        {rest.map((text, i) => (
          <td key={i}>{text}</td>
        ))}
      </tr>
    )
  },
  (a, b) => a.cells.length === b.cells.length && a.cells.every((c, i) => c === b.cells[i]),
)

/** How often the off-stage table follows the clock: a reader reads it row by row, not per frame. */
const OFFSTAGE_MS = 500

export function ClusterTable({ visible }: { visible: boolean }) {
  const live = useApp((s) => s.snapshot)
  return <Tables snapshot={useThrottled(live, OFFSTAGE_MS, !visible)} visible={visible} />
}

const Tables = memo(function Tables({ snapshot, visible }: { snapshot: ClusterSnapshot; visible: boolean }) {
  const { t } = useTranslation()
  // The view model's notes and activity lines are written in the page's language.
  const model = sharedModel(snapshot, useLanguage())
  return (
    <div className={visible ? 'cluster-table' : 'cluster-table offstage'} data-testid="cluster-table">
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
              <SlotRow
                key={slot.key}
                cells={[
                  String(slot.ordinal),
                  slot.pod?.name ?? t('table.vacant'),
                  slot.pod?.summary ?? slot.note,
                  slot.pod?.ip ?? '—',
                  slot.pod?.node ?? '—',
                  slot.record
                    ? `${slot.record.name} → ${slot.record.answers.join(', ')}`
                    : t('table.noRecord'),
                  slot.claims
                    .map(
                      (c) =>
                        `${c.name} ${c.phase}${c.volume ? ` (${c.volume.name})` : ''}${c.orphaned ? t('table.waiting') : ''}`,
                    )
                    .join('; ') || '—',
                ]}
              />
            ))}
          </tbody>
        </table>
      ))}
      {model.sets.length === 0 && <p>{t('table.none')}</p>}
    </div>
  )
})
